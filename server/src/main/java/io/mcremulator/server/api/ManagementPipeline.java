package io.mcremulator.server.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.Region;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.server.auth.Authenticator;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.Call;
import io.mcremulator.server.operation.Operation;
import java.util.Map;

/** What runs around every management operation: region from the path, authentication, scope checks. */
public final class ManagementPipeline {
    /** A management-API handler: routing, region and auth are done before it runs. */
    @FunctionalInterface
    public interface CallHandler {
        void handle(Call call) throws Exception;
    }

    private final Emulator emulator;
    private final Authenticator auth;
    private final int maxBodyBytes;

    public ManagementPipeline(Emulator emulator, Authenticator auth, int maxBodyBytes) {
        this.emulator = emulator;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * The handler of {@code op}, served under its bare path (region br-se1) and under {@link Operation#REGION_PREFIX}
     * (region from the path).
     */
    public Handler handler(Operation op, CallHandler call) {
        return ctx -> {
            try {
                Region region = region(ctx);
                Principal principal = auth.authenticate(ctx);
                for (String scope : op.scopes()) {
                    if (!principal.hasScope(scope)) {
                        throw new EmulatorException(
                                ErrorCode.FORBIDDEN,
                                "user not allowed: operation " + op.operationId() + " needs scope '" + scope + "'",
                                Map.of("required_scopes", op.scopes()));
                    }
                }
                call.handle(new Call(ctx, principal, region, emulator, maxBodyBytes));
            } finally {
                BodyReader.drain(ctx, maxBodyBytes);
            }
        };
    }

    private static Region region(Context ctx) {
        if (!ctx.pathParamMap().containsKey(Operation.REGION_PARAM)) return Region.DEFAULT;
        String seg = ctx.pathParam(Operation.REGION_PARAM);
        return Region.fromUrlSegment(seg)
                .orElseThrow(() -> new EmulatorException(
                        ErrorCode.NOT_FOUND,
                        "unknown region '" + seg + "': expected br-se1, br-ne1 or br-se-1",
                        Map.of("region", seg)));
    }
}
