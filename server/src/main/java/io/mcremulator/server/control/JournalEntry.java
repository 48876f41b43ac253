package io.mcremulator.server.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded request. Bodies are kept up to the journal's limit ({@code requestBodyTruncated} says when cut);
 * {@code status} is 0 when the connection was dropped by a fault.
 */
record JournalEntry(long seq, String time, String operationId, String api, String method, String path, String query,
                    String endpointPath, String tenant, String region, int status, double durationMs, boolean unmatched,
                    String faultId, boolean dropped, String requestId,
                    String requestBody, long requestBodySize, boolean requestBodyTruncated,
                    String responseBody, long responseBodySize, boolean responseBodyTruncated) {

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
        m.put("requestBody", requestBody);
        m.put("requestBodySize", requestBodySize);
        m.put("requestBodyTruncated", requestBodyTruncated);
        m.put("responseBody", responseBody);
        m.put("responseBodySize", responseBodySize);
        m.put("responseBodyTruncated", responseBodyTruncated);
        return m;
    }
}
