package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.server.http.ErrorAnswer;
import io.mcremulator.server.http.JsonAnswers;
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
        ErrorCode known = ErrorCode.mcrForStatus(status);
        String message = r.message();
        if (message == null && f.oci) message = "injected fault " + r.id();
        if (message == null) {
            boolean exact = known.status() == status;
            message = (exact ? known.defaultMessage() : "injected fault") + " (injected fault " + r.id() + ")";
        }
        JsonAnswers.error(
                ctx,
                new ErrorAnswer(
                        status,
                        r.slug() != null ? r.slug() : known.slug(),
                        r.ociCode() != null ? r.ociCode() : known.ociCode(),
                        message,
                        Map.of("injected_fault", r.id())));
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
