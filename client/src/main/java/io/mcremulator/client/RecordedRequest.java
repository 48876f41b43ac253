package io.mcremulator.client;

import java.util.Map;

/**
 * One request of the emulator's journal ({@code /_emulator/requests}, docs/control-api.md): what the code under test
 * sent and what it got back. Bodies are kept up to the journal's limit (4 KiB by default).
 *
 * @param operationId the spec's operationId ({@code createRegistry}), or null when the request matched no route
 * @param tenant      the caller's tenant from its credentials; null when unknown
 * @param status      the answer's status; 0 when a fault dropped the connection
 * @param faultId     the ids of the fault rules that fired on it (comma separated), or null
 */
public record RecordedRequest(
        long seq,
        String time,
        String operationId,
        String method,
        String path,
        String query,
        String tenant,
        String region,
        int status,
        double durationMs,
        boolean unmatched,
        String faultId,
        boolean dropped,
        String requestBody,
        String responseBody) {

    /** From one entry of {@code GET /_emulator/requests}. */
    public static RecordedRequest of(Map<String, Object> m) {
        return new RecordedRequest(
                num(m.get("seq")).longValue(),
                str(m.get("time")),
                str(m.get("operationId")),
                str(m.get("method")),
                str(m.get("path")),
                str(m.get("query")),
                str(m.get("tenant")),
                str(m.get("region")),
                num(m.get("status")).intValue(),
                num(m.get("durationMs")).doubleValue(),
                Boolean.TRUE.equals(m.get("unmatched")),
                str(m.get("faultId")),
                Boolean.TRUE.equals(m.get("dropped")),
                str(m.get("requestBody")),
                str(m.get("responseBody")));
    }

    /** One line for failure messages: {@code #12 POST /v0/registries -> 503 (fault fault-1) {"name":"x"}}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("#")
                .append(seq)
                .append(' ')
                .append(method)
                .append(' ')
                .append(path);
        if (query != null && !query.isEmpty()) sb.append('?').append(query);
        sb.append(" -> ").append(dropped ? "dropped" : String.valueOf(status));
        if (operationId != null) sb.append(" [").append(operationId).append(']');
        if (faultId != null) sb.append(" (fault ").append(faultId).append(')');
        if (requestBody != null && !requestBody.isEmpty()) {
            sb.append(' ').append(requestBody.length() > 200 ? requestBody.substring(0, 200) + "..." : requestBody);
        }
        return sb.toString();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Number num(Object o) {
        return o instanceof Number n ? n : 0;
    }
}
