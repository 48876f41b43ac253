package io.mcremulator.junit;

import java.util.List;
import java.util.Map;

/**
 * One operation the emulator implements ({@code GET /_emulator/operations}), with where it knowingly deviates from
 * the contract under the server's settings.
 *
 * @param api {@code management}, {@code oci} or {@code control}
 */
public record OperationInfo(
        String operationId,
        String api,
        String method,
        List<String> paths,
        boolean deprecated,
        List<String> deviations) {

    @SuppressWarnings("unchecked")
    static OperationInfo of(Map<String, Object> m) {
        Object paths = m.get("paths");
        Object deviations = m.get("deviations");
        return new OperationInfo(
                (String) m.get("operationId"),
                (String) m.get("api"),
                (String) m.get("method"),
                paths instanceof List<?> l ? List.copyOf((List<String>) l) : List.of(),
                Boolean.TRUE.equals(m.get("deprecated")),
                deviations instanceof List<?> d ? List.copyOf((List<String>) d) : List.of());
    }
}
