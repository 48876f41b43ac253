package io.mcremulator.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every error of the server is turned into an answer, all written by {@link JsonAnswers}: domain errors
 * thrown by handlers, Javalin's routing errors (404, 405 with {@code Allow}), unexpected exceptions, and, through
 * {@link JsonErrorHandler}, what Jetty refuses before routing. Also sets the request and trace ids of every answer.
 */
public final class ErrorHandling {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {}

    public static void install(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.routes.before(ctx -> {
            RequestIds.stamp(ctx.header(RequestIds.REQUEST_ID_HEADER), ctx::header);
            if (JsonAnswers.isOci(ctx.path())) ctx.header(JsonAnswers.OCI_VERSION_HEADER, JsonAnswers.OCI_VERSION);
        });
        config.routes.exception(EmulatorException.class, (e, ctx) -> JsonAnswers.error(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String message = e.getMessage();
            if (status == 404) message = "not found: no route for " + ctx.method() + " " + ctx.path();
            if (status == 405) {
                message = "method not allowed: " + ctx.method() + " is not defined for " + ctx.path();
                // Javalin names the methods the path has in the details ("GET, HEAD, POST").
                String allowed = String.join(", ", e.getDetails().values());
                if (!allowed.isBlank()) {
                    ctx.header("Allow", allowed);
                    message += "; allowed: " + allowed;
                }
            }
            JsonAnswers.error(ctx, ErrorAnswer.ofStatus(status, message));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            // a parser's exception caused by the request (a broken chunk, an unknown charset, ...) is the client's
            EmulatorException clientError = ClientErrors.of(e).orElse(null);
            if (clientError != null) {
                JsonAnswers.error(ctx, clientError);
                return;
            }
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            JsonAnswers.error(
                    ctx, ErrorAnswer.of(ErrorCode.INTERNAL_SERVER_ERROR, 500, "internal server error: " + e, Map.of()));
        });
    }
}
