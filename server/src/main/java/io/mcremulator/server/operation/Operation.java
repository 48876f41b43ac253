package io.mcremulator.server.operation;

import java.util.List;
import java.util.Set;

/**
 * What one row of the route table is: an operation of one of the APIs the server speaks, its method and path, and
 * the scopes it needs (management API). The handler that serves it is bound in {@code routing.RouteTable}; this
 * record is what the rest of the server (journal, faults, the operation list) knows of a route.
 *
 * @param operationId the OpenAPI operationId for MCR operations; a descriptive id for the others
 * @param deprecated  true for the deprecated v0 repository/image routes kept for the Go SDK and Terraform
 */
public record Operation(
        String operationId,
        String method,
        String path,
        Kind kind,
        Set<String> scopes,
        boolean deprecated,
        String note) {

    /** Which API an operation belongs to; it decides auth and the error format. */
    public enum Kind {
        MANAGEMENT,
        OCI,
        CONTROL
    }

    public static final String READ = "mcr.read";
    public static final String WRITE = "mcr.write";

    /** The path parameter that names the region of a management operation served under a region prefix. */
    public static final String REGION_PARAM = "region";

    /** Management operations are also served under this prefix ({@code /br-ne1/container-registry/v0/...}). */
    public static final String REGION_PREFIX = "/{" + REGION_PARAM + "}/container-registry";

    public static Operation mcr(String id, String method, String path, Set<String> scopes) {
        return new Operation(id, method, path, Kind.MANAGEMENT, Set.copyOf(scopes), false, null);
    }

    public static Operation mcrDeprecated(String id, String method, String path, Set<String> scopes, String note) {
        return new Operation(id, method, path, Kind.MANAGEMENT, Set.copyOf(scopes), true, note);
    }

    public static Operation control(String id, String method, String path) {
        return new Operation(id, method, path, Kind.CONTROL, Set.of(), false, null);
    }

    public static Operation oci(String id, String method, String path) {
        return new Operation(id, method, path, Kind.OCI, Set.of(), false, null);
    }

    /** The path patterns the row is served under: management rows also under {@link #REGION_PREFIX}. */
    public List<String> servedPaths() {
        return kind == Kind.MANAGEMENT ? List.of(path, REGION_PREFIX + path) : List.of(path);
    }

    /** The operation ids the row serves: one, or several separated by '|' (the multiplexed v0 rows). */
    public List<String> operationIds() {
        return List.of(operationId.split("\\|"));
    }
}
