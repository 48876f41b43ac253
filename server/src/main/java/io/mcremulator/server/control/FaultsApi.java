package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.JsonAnswers;
import java.util.Map;

/** {@code /_emulator/faults}: add, list, show and remove fault-injection rules. */
public final class FaultsApi {
    private static final int MAX_RULE_BYTES = 64 * 1024;
    private final ControlPlane plane;

    FaultsApi(ControlPlane plane) {
        this.plane = plane;
    }

    public void add(Context ctx) {
        Faults faults = plane.faults();
        FaultRule rule = FaultRule.parse(BodyReader.read(ctx, MAX_RULE_BYTES), plane.index(), faults.nextId());
        ctx.header("Location", "/_emulator/faults/" + rule.id());
        JsonAnswers.write(ctx, 201, faults.add(rule));
    }

    public void list(Context ctx) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("faults", plane.faults().list());
        body.put("delayedRequests", plane.delayedRequests());
        JsonAnswers.write(ctx, 200, body);
    }

    public void get(Context ctx) {
        String id = ctx.pathParam("id");
        JsonAnswers.write(
                ctx, 200, plane.faults().get(id).orElseThrow(() -> EmulatorException.notFound("fault rule", id)));
    }

    public void remove(Context ctx) {
        String id = ctx.pathParam("id");
        if (!plane.faults().remove(id)) throw EmulatorException.notFound("fault rule", id);
        ctx.status(204);
    }

    public void clear(Context ctx) {
        plane.faults().clear();
        plane.releaseDelays(); // requests waiting on a delay carry on now
        ctx.status(204);
    }
}
