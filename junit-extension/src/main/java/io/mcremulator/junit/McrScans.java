package io.mcremulator.junit;

import io.mcremulator.client.ControlApiException;
import io.mcremulator.client.EmulatorControl;
import io.mcremulator.core.scan.FindingsRule;
import io.mcremulator.core.scan.Vulnerability;
import io.mcremulator.server.control.FindingsJson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Image scans as the test wants them (docs/control-api.md, "Scans"): what scans find, per digest or per repository
 * tag, and how scans progress (durations, hold, fail the next ones, complete all now, synthetic findings).
 *
 * <pre>{@code
 * mcr.scans().findings(digest, Vulnerability.of("CVE-2024-6387", Severity.HIGH, "openssh-client", "1:9.2p1-2"));
 * mcr.scans().holdRunning();   // scans start but do not finish
 * ... assert the code under test shows "scan in progress" ...
 * mcr.scans().completeAll();
 * }</pre>
 *
 * <p>Findings and scan settings are one per server, like the clock: in parallel mode they are seen by every test
 * (findings by digest rarely collide, since digests are unique). When the test (or class) ends, the rules this
 * handle set are removed and the scan settings are put back as they were before the handle first changed them.
 */
public final class McrScans {
    private final Supplier<EmulatorControl> control;
    private final Set<String> setKeys = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Object> before;

    McrScans(Supplier<EmulatorControl> control) {
        this.control = control;
    }

    /** What a scan of {@code digest} (an image, an index, or one platform manifest of an index) finds. */
    public void findings(String digest, Vulnerability... vulnerabilities) {
        put(FindingsRule.forDigest(digest, List.of(vulnerabilities)));
    }

    /** What a scan finds in the image {@code tag} of {@code repository} in {@code registry} (by name) names. */
    public void findingsForTag(String registry, String repository, String tag, Vulnerability... vulnerabilities) {
        put(FindingsRule.forTag(registry, repository, tag, List.of(vulnerabilities)));
    }

    /** Removes every findings rule (images scan clean again, or synthetic in that mode). */
    public void clearFindings() {
        control.get().clearFindings();
        setKeys.clear();
    }

    /** New and pending scans stay {@code pending} until {@link #release()}. */
    public void holdPending() {
        settings(Map.of("hold", "pending"));
    }

    /** Scans start but stay {@code running} until {@link #release()}. */
    public void holdRunning() {
        settings(Map.of("hold", "running"));
    }

    /** Lifts a hold: held scans take their phase's duration again from now. */
    public void release() {
        settings(Map.of("hold", "none"));
    }

    /** The next {@code count} scans scheduled end {@code failed}. */
    public void failNext(int count) {
        remember();
        control.get().failNextScans(count);
    }

    /** Completes every pending or running scan now, held ones included; returns how many. */
    public int completeAll() {
        return control.get().completeAllScans();
    }

    /** How long a scan stays pending, then running, on the emulator's clock (zero by default). */
    public void durations(Duration pending, Duration running) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pending_duration", pending.toString());
        m.put("running_duration", running.toString());
        settings(m);
    }

    /** Images without findings set get a stable synthetic set derived from their digest. */
    public void syntheticFindings(boolean on) {
        settings(Map.of("synthetic_findings", on));
    }

    private void put(FindingsRule rule) {
        control.get().putFindings(FindingsJson.toJson(rule));
        setKeys.add(rule.key());
    }

    private void settings(Map<String, Object> changes) {
        remember();
        control.get().updateScanSettings(changes);
    }

    private synchronized void remember() {
        if (before == null) before = control.get().scanSettings();
    }

    /** Removes this handle's findings rules and puts the scan settings back. */
    synchronized void restore() {
        for (String key : setKeys) {
            try {
                control.get().removeFindings(key);
            } catch (ControlApiException alreadyGone) {
                // removed by a reset or by the test itself
            }
        }
        setKeys.clear();
        Map<String, Object> b = before;
        before = null;
        if (b != null) control.get().updateScanSettings(b);
    }
}
