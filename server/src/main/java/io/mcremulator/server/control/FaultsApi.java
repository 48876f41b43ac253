package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.JsonAnswers;
import java.util.List;
import java.util.Map;

/** {@code /_emulator/faults}: add, list, show and remove fault-injection rules. */
public final class FaultsApi {
    private static final int MAX_RULE_BYTES = 64 * 1024;
    private final ControlPlane plane;

    FaultsApi(ControlPlane plane) {
        this.plane = plane;
    }

    public void add(Context ctx) {
        Map<String, Object> rule = add(BodyReader.read(ctx, MAX_RULE_BYTES));
        ctx.header("Location", "/_emulator/faults/" + rule.get("id"));
        JsonAnswers.write(ctx, 201, rule);
    }

    /** Adds the rule of a {@code POST /_emulator/faults} body; returns it as listed. */
    Map<String, Object> add(byte[] body) {
        Faults faults = plane.faults();
        return faults.add(FaultRule.parse(body, plane.index(), faults.nextId()));
    }

    public void list(Context ctx) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("faults", list());
        body.put("delayedRequests", plane.delayedRequests());
        JsonAnswers.write(ctx, 200, body);
    }

    List<Map<String, Object>> list() {
        return plane.faults().list();
    }

    public void get(Context ctx) {
        JsonAnswers.write(ctx, 200, get(ctx.pathParam("id")));
    }

    Map<String, Object> get(String id) {
        return plane.faults().get(id).orElseThrow(() -> EmulatorException.notFound("fault rule", id));
    }

    public void remove(Context ctx) {
        remove(ctx.pathParam("id"));
        ctx.status(204);
    }

    void remove(String id) {
        if (!plane.faults().remove(id)) throw EmulatorException.notFound("fault rule", id);
    }

    public void clear(Context ctx) {
        clear();
        ctx.status(204);
    }

    void clear() {
        plane.faults().clear();
        plane.releaseDelays(); // requests waiting on a delay carry on now
    }
}
