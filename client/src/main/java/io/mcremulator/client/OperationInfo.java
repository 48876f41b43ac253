package io.mcremulator.client;

import java.util.List;
import java.util.Map;

/**
 * One operation the emulator implements ({@code GET /_emulator/operations}), with where it knowingly deviates from
 * the contract under the server's settings.
 *
 * @param operationId  the route's id; {@code getRepository|getImages|getImage} when one route serves several
 * @param operationIds the ids the journal records for this route (one each but for such shared routes)
 * @param api          {@code management}, {@code oci} or {@code control}
 */
public record OperationInfo(
        String operationId,
        List<String> operationIds,
        String api,
        String method,
        List<String> paths,
        boolean deprecated,
        List<String> deviations) {

    @SuppressWarnings("unchecked")
    public static OperationInfo of(Map<String, Object> m) {
        Object paths = m.get("paths");
        Object ids = m.get("operationIds");
        Object deviations = m.get("deviations");
        return new OperationInfo(
                (String) m.get("operationId"),
                ids instanceof List<?> i ? List.copyOf((List<String>) i) : List.of((String) m.get("operationId")),
                (String) m.get("api"),
                (String) m.get("method"),
                paths instanceof List<?> l ? List.copyOf((List<String>) l) : List.of(),
                Boolean.TRUE.equals(m.get("deprecated")),
                deviations instanceof List<?> d ? List.copyOf((List<String>) d) : List.of());
    }
}
