package io.mcremulator.server;

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
import java.util.Map;

/** What runs around every management operation: region from the path, authentication, scope checks. */
final class RequestPipeline {
    static final String REGION_PARAM = "region";
    static final String REGION_PREFIX = "/{" + REGION_PARAM + "}/container-registry";

    private final Emulator emulator;
    private final Authenticator auth;
    private final int maxBodyBytes;

    RequestPipeline(Emulator emulator, Authenticator auth, int maxBodyBytes) {
        this.emulator = emulator;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    Handler management(Operation op, boolean regionInPath) {
        return ctx -> {
            try {
                Region region = regionInPath ? region(ctx) : Region.DEFAULT;
                Principal principal = auth.authenticate(ctx);
                for (String scope : op.scopes()) {
                    if (!principal.hasScope(scope)) {
                        throw new EmulatorException(
                                ErrorCode.FORBIDDEN,
                                "user not allowed: operation " + op.operationId() + " needs scope '" + scope + "'",
                                Map.of("required_scopes", op.scopes()));
                    }
                }
                op.call().handle(new Call(ctx, principal, region, emulator, maxBodyBytes));
            } finally {
                BodyReader.drain(ctx, maxBodyBytes);
            }
        };
    }

    private static Region region(Context ctx) {
        String seg = ctx.pathParam(REGION_PARAM);
        return Region.fromUrlSegment(seg)
                .orElseThrow(() -> new EmulatorException(
                        ErrorCode.NOT_FOUND,
                        "unknown region '" + seg + "': expected br-se1, br-ne1 or br-se-1",
                        Map.of("region", seg)));
    }
}
