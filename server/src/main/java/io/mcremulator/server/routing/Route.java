package io.mcremulator.server.routing;

import io.javalin.http.Handler;
import io.mcremulator.server.api.ManagementPipeline.CallHandler;
import io.mcremulator.server.oci.OciPipeline.OciHandler;
import io.mcremulator.server.operation.Operation;
import java.util.Set;
import java.util.function.Function;

/**
 * One row of the {@link RouteTable}: an {@link Operation} and how to get its handler from the server's
 * {@link Handlers}. The handler is picked, not called, when the table is read, so the table (and the operation index
 * built from it) exists before any handler does: the control plane is built on the index, and the control handlers
 * on the plane.
 *
 * @param handler the Javalin handler of the row, wrapped in its API's pipeline (auth, region, error format)
 */
public record Route(Operation operation, Function<Handlers, Handler> handler) {

    /** A management-API operation: region, authentication and the scope check run before {@code call}. */
    static Route mcr(String id, String method, String path, Set<String> scopes, Function<Handlers, CallHandler> call) {
        Operation op = Operation.mcr(id, method, path, scopes);
        return new Route(op, h -> h.management().handler(op, call.apply(h)));
    }

    /** A deprecated management operation (the v0 routes by repository name), with a note on how it reads its path. */
    static Route mcrDeprecated(
            String id,
            String method,
            String path,
            Set<String> scopes,
            Function<Handlers, CallHandler> call,
            String note) {
        Operation op = Operation.mcrDeprecated(id, method, path, scopes, note);
        return new Route(op, h -> h.management().handler(op, call.apply(h)));
    }

    /** A /v2 operation: the caller is authenticated (Basic pair or registry token) before {@code call}. */
    static Route oci(String id, String method, String path, Function<Handlers, OciHandler> call) {
        return new Route(Operation.oci(id, method, path), h -> h.oci().authenticated(call.apply(h)));
    }

    /** An OCI-side operation that authenticates by itself (the token endpoint). */
    static Route ociOpen(String id, String method, String path, Function<Handlers, OciHandler> call) {
        return new Route(Operation.oci(id, method, path), h -> h.oci().open(call.apply(h)));
    }

    /** A test-control operation under {@code /_emulator}. */
    static Route control(String id, String method, String path, Function<Handlers, Handler> handler) {
        return new Route(Operation.control(id, method, path), handler);
    }
}
