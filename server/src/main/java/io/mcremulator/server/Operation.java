package io.mcremulator.server;

import io.javalin.http.Handler;
import io.mcremulator.server.http.Call;
import java.util.Set;

/**
 * One row of the route table: an operation of one of the APIs the server speaks, its method and path, the
 * scopes it needs (management API) and its handler.
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
        CallHandler call,
        Handler raw,
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

    /** A management-API handler: routing, region and auth are done before it runs. */
    @FunctionalInterface
    public interface CallHandler {
        void handle(Call call) throws Exception;
    }

    public static Operation mcr(String id, String method, String path, Set<String> scopes, CallHandler h) {
        return new Operation(id, method, path, Kind.MANAGEMENT, scopes, h, null, false, null);
    }

    public static Operation mcrDeprecated(
            String id, String method, String path, Set<String> scopes, CallHandler h, String note) {
        return new Operation(id, method, path, Kind.MANAGEMENT, scopes, h, null, true, note);
    }

    public static Operation control(String id, String method, String path, Handler h) {
        return new Operation(id, method, path, Kind.CONTROL, Set.of(), null, h, false, null);
    }

    public static Operation oci(String id, String method, String path, Handler h) {
        return new Operation(id, method, path, Kind.OCI, Set.of(), null, h, false, null);
    }
}
