package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.scan.FindingsRule;
import io.mcremulator.core.scan.ScanControls;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.Json;
import io.mcremulator.server.http.JsonAnswers;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scan test controls: {@code /_emulator/scans/...} (durations, hold, fail the next scans, complete all now,
 * synthetic findings) and {@code /_emulator/findings} (what scans find, by digest or by repository tag).
 */
public final class ScansControlApi {
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private final Emulator emulator;

    ScansControlApi(Emulator emulator) {
        this.emulator = emulator;
    }

    public void settings(Context ctx) {
        JsonAnswers.write(ctx, 200, settings());
    }

    Map<String, Object> settings() {
        return view(emulator.scanSettings());
    }

    public void updateSettings(Context ctx) {
        JsonAnswers.write(ctx, 200, updateSettings(BodyReader.read(ctx, 4096)));
    }

    public void failNext(Context ctx) {
        JsonAnswers.write(ctx, 200, failNext(BodyReader.read(ctx, 4096)));
    }

    public void completeAll(Context ctx) {
        JsonAnswers.write(ctx, 200, Map.of("completed", completeAll()));
    }

    public void listFindings(Context ctx) {
        JsonAnswers.write(ctx, 200, listFindings());
    }

    public void putFindings(Context ctx) {
        JsonAnswers.write(ctx, 200, putFindings(BodyReader.read(ctx, MAX_BODY)));
    }

    /**
     * Changes the given fields only: {@code pending_duration} and {@code running_duration} (ISO-8601, e.g.
     * {@code PT30S}), {@code hold} ({@code none}, {@code pending}, {@code running}), {@code fail_next} (how many of
     * the next scheduled scans end failed), {@code synthetic_findings}.
     */
    Map<String, Object> updateSettings(byte[] body) {
        StrictJson j = StrictJson.parse(
                body,
                "scan settings",
                Set.of("pending_duration", "running_duration", "hold", "fail_next", "synthetic_findings"));
        Duration pending = duration(j, "pending_duration");
        Duration running = duration(j, "running_duration");
        String holdRaw = j.string("hold");
        ScanControls.Hold hold = null;
        if (holdRaw != null) {
            try {
                hold = ScanControls.Hold.valueOf(holdRaw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw j.fail("hold", "must be none, pending or running");
            }
        }
        Integer failNext = j.intValue("fail_next", 0, 1_000_000);
        Boolean synthetic = j.bool("synthetic_findings");
        ScanControls.Hold h = hold;
        ScanControls.Settings after = emulator.updateScanSettings(s -> new ScanControls.Settings(
                pending != null ? pending : s.pendingDuration(),
                running != null ? running : s.runningDuration(),
                h != null ? h : s.hold(),
                failNext != null ? failNext : s.failNext(),
                synthetic != null ? synthetic : s.syntheticFindings()));
        return view(after);
    }

    /** Body optional {@code {"count": n}} (default 1): the next n scans scheduled end {@code failed}. */
    Map<String, Object> failNext(byte[] body) {
        StrictJson j = StrictJson.parse(body, "fail-next request", Set.of("count"));
        Integer count = j.intValue("count", 1, 1_000_000);
        int n = count == null ? 1 : count;
        ScanControls.Settings after =
                emulator.updateScanSettings(s -> s.withFailNext((int) Math.min(1_000_000L, (long) s.failNext() + n)));
        return view(after);
    }

    /** Completes every pending or running scan now, held ones included. */
    int completeAll() {
        return emulator.completeAllScans();
    }

    Map<String, Object> listFindings() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "findings",
                emulator.findings().stream().map(FindingsJson::write).toList());
        return body;
    }

    /** Sets one rule (replacing the one for the same digest or tag) and answers it as stored. */
    Map<String, Object> putFindings(byte[] bytes) {
        FindingsRule rule;
        try {
            rule = FindingsJson.rule(Json.read(bytes), "", "invalid findings");
        } catch (IOException e) {
            throw EmulatorException.badRequest("invalid findings: not valid JSON: " + Json.describe(e), "body", null);
        }
        emulator.putFindings(rule);
        return FindingsJson.write(rule);
    }

    /**
     * Without parameters, removes every rule; with {@code digest}, or {@code registry}, {@code repository} and
     * {@code tag}, removes that one (404 when there is none).
     */
    public void deleteFindings(Context ctx) {
        deleteFindings(
                ctx.queryParam("digest"),
                ctx.queryParam("registry"),
                ctx.queryParam("repository"),
                ctx.queryParam("tag"));
        ctx.status(204);
    }

    void deleteFindings(String digest, String registry, String repository, String tag) {
        if (digest == null && registry == null && repository == null && tag == null) {
            emulator.clearFindings();
        } else {
            String key;
            if (digest != null && registry == null && repository == null && tag == null) key = digest;
            else if (digest == null && registry != null && repository != null && tag != null)
                key = registry + "/" + repository + ":" + tag;
            else
                throw EmulatorException.badRequest(
                        "invalid param: give either 'digest' or all of 'registry', 'repository' and 'tag'",
                        "digest",
                        digest);
            if (!emulator.removeFindings(key)) throw EmulatorException.notFound("findings", key);
        }
    }

    private static Duration duration(StrictJson j, String field) {
        String raw = j.string(field);
        if (raw == null) return null;
        Duration d;
        try {
            d = Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw j.fail(field, "must be an ISO-8601 duration such as PT30S");
        }
        if (d.isNegative()) throw j.fail(field, "must not be negative");
        return d;
    }

    static Map<String, Object> view(ScanControls.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pending_duration", s.pendingDuration().toString());
        m.put("running_duration", s.runningDuration().toString());
        m.put("hold", s.hold().name().toLowerCase(Locale.ROOT));
        m.put("fail_next", s.failNext());
        m.put("synthetic_findings", s.syntheticFindings());
        return m;
    }
}
