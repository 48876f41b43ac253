package io.mcremulator.server.control;

import io.mcremulator.server.operation.Operation;
import java.util.function.Supplier;

/**
 * What the control plane knows about a request when it arrives: the route-table row it matched (null when it
 * matched none), the precise operationId, and who and where it is for. Faults match on it; the journal records it.
 *
 * <p>The tenant is read from the credentials only when a fault rule or the journal asks for it: with no rules and
 * the journal off, a request is authenticated once, by its route.
 */
final class RequestFacts {
    private final Operation operation;
    private final String operationId;
    private final String method;
    private final String path;
    private final String endpointPath;
    private final String region;
    private Supplier<String> tenantSource;
    private String tenant;

    /**
     * @param operationId  the operationId of the call ({@code getImage} for the multiplexed v0 row); null if unmatched
     * @param endpointPath the path pattern of the matched route, e.g. {@code /v0/registries/{registry_id}}
     * @param tenantSource the caller's tenant when its credentials identify one, else null; asked at most once
     * @param region       region id ({@code br-se1}, ...) from the path; bare paths are br-se1
     */
    RequestFacts(
            Operation operation,
            String operationId,
            String method,
            String path,
            String endpointPath,
            Supplier<String> tenantSource,
            String region) {
        this.operation = operation;
        this.operationId = operationId;
        this.method = method;
        this.path = path;
        this.endpointPath = endpointPath;
        this.tenantSource = tenantSource;
        this.region = region;
    }

    Operation operation() {
        return operation;
    }

    String operationId() {
        return operationId;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String endpointPath() {
        return endpointPath;
    }

    String region() {
        return region;
    }

    /** The caller's tenant when its credentials identify one, else null. */
    String tenant() {
        Supplier<String> source = tenantSource;
        if (source != null) {
            tenant = source.get();
            tenantSource = null;
        }
        return tenant;
    }

    boolean oci() {
        return (operation != null && operation.kind() == Operation.Kind.OCI)
                || path.equals("/v2")
                || path.startsWith("/v2/");
    }

    boolean control() {
        return operation != null && operation.kind() == Operation.Kind.CONTROL;
    }

    String api() {
        if (operation == null) return null;
        return operation.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
