package io.mcremulator.server.control;

import io.mcremulator.server.operation.Operation;

/**
 * What the control plane knows about a request when it arrives: the route-table row it matched (null when it
 * matched none), the precise operationId, and who and where it is for. Faults match on it; the journal records it.
 *
 * @param operationId  the operationId of the call ({@code getImage} for the multiplexed v0 row); null if unmatched
 * @param endpointPath the path pattern of the matched route, e.g. {@code /v0/registries/{registry_id}}
 * @param tenant       the caller's tenant when its credentials identify one, else null
 * @param region       region id ({@code br-se1}, ...) from the path; bare paths are br-se1
 */
record RequestFacts(
        Operation operation,
        String operationId,
        String method,
        String path,
        String endpointPath,
        String tenant,
        String region) {

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
