package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.server.http.ErrorBodies;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Thrown by the control plane before a route's handler runs, to answer with a fault rule's error instead (or to
 * send nothing at all for a dropped connection). The server maps it with {@link #write(InjectedFault, Context)}.
 */
public final class InjectedFault extends RuntimeException {
    private final FaultRule rule;
    private final boolean oci;

    InjectedFault(FaultRule rule, boolean oci) {
        super("injected fault " + rule.id(), null, false, false);
        this.rule = rule;
        this.oci = oci;
    }

    /** Writes the rule's error in the called API's format, or closes the connection without a response. */
    public static void write(InjectedFault f, Context ctx) {
        FaultRule r = f.rule;
        if (r.drop()) {
            drop(ctx);
            return;
        }
        int status = r.status();
        Integer retryAfter =
                r.retryAfterSeconds() != null ? r.retryAfterSeconds() : status == 429 ? Integer.valueOf(1) : null;
        if (retryAfter != null) ctx.header("Retry-After", String.valueOf(retryAfter));
        Map<String, Object> detail = Map.of("injected_fault", r.id());
        if (f.oci) {
            String code = r.ociCode() != null ? r.ociCode() : ociCode(status);
            ErrorBodies.writeJson(
                    ctx,
                    status,
                    ErrorBodies.oci(code, r.message() != null ? r.message() : "injected fault " + r.id(), detail));
        } else {
            ErrorCode known = ErrorCode.mcrForStatus(status);
            boolean exact = known.status() == status;
            String slug = r.slug() != null
                    ? r.slug()
                    : exact ? known.code() : status >= 500 ? "internal_server_error" : "bad_request";
            String message = r.message() != null
                    ? r.message()
                    : (exact ? known.defaultMessage() : "injected fault") + " (injected fault " + r.id() + ")";
            ErrorBodies.writeJson(ctx, status, ErrorBodies.mcr(slug, message, detail));
        }
    }

    /** The OCI distribution error code of a status (docker/distribution's table: UNAVAILABLE, TOOMANYREQUESTS, ...). */
    static String ociCode(int status) {
        return switch (status) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "DENIED";
            case 404 -> "NAME_UNKNOWN";
            case 405 -> "UNSUPPORTED";
            case 429 -> "TOOMANYREQUESTS";
            case 503 -> "UNAVAILABLE";
            default -> "UNKNOWN";
        };
    }

    /** Closes the client's connection at once: the client reads end-of-stream without any status line. */
    private static void drop(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }

    boolean dropped() {
        return rule.drop();
    }

    String ruleId() {
        return rule.id();
    }
}
