package io.mcremulator.server.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded request. Bodies are kept up to the journal's limit ({@code requestBodyTruncated} says when cut);
 * {@code status} is 0 when the connection was dropped by a fault. Calls a proxy cache made to its upstream are
 * recorded too ({@code api: "upstream"}, {@code upstream}: the registry called, {@code path}: the path there).
 */
record JournalEntry(
        long seq,
        String time,
        String operationId,
        String api,
        String method,
        String path,
        String query,
        String endpointPath,
        String tenant,
        String region,
        int status,
        double durationMs,
        boolean unmatched,
        String faultId,
        boolean dropped,
        String requestId,
        JournalBody request,
        JournalBody response,
        String upstream) {

    /** The request body's text (decoded on first use); null when there was none. */
    String requestBody() {
        return request.text();
    }

    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("time", time);
        m.put("operationId", operationId);
        m.put("api", api);
        m.put("method", method);
        m.put("path", path);
        m.put("query", query);
        m.put("endpointPath", endpointPath);
        m.put("tenant", tenant);
        m.put("region", region);
        m.put("status", status);
        m.put("durationMs", durationMs);
        m.put("unmatched", unmatched);
        m.put("faultId", faultId);
        m.put("dropped", dropped);
        m.put("requestId", requestId);
        m.put("requestBody", request.text());
        m.put("requestBodySize", request.size());
        m.put("requestBodyTruncated", request.truncated());
        m.put("responseBody", response.text());
        m.put("responseBodySize", response.size());
        m.put("responseBodyTruncated", response.truncated());
        if (upstream != null) m.put("upstream", upstream);
        return m;
    }
}
