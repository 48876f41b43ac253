package io.mcremulator.core;

import io.mcremulator.core.scan.FindingsBook;
import io.mcremulator.core.scan.ScanControls;
import io.mcremulator.core.scan.ScanStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A scan's timeline on the engine's clock: {@code pending} for the pending duration, then {@code running} for the
 * running duration, then {@code completed} (or {@code failed} when the test asked for it), unless held. Transitions
 * are worked out when a scan is read, at the instant they were due; findings are copied then. The engine brings
 * every scan up to date before the controls or the findings change, so a scan always gets the findings that were
 * set when it completed.
 */
final class ScanProgress {
    private final ScanControls controls;
    private final FindingsBook findings;

    ScanProgress(ScanControls controls, FindingsBook findings) {
        this.controls = controls;
        this.findings = findings;
    }

    void advance(RegistryEntity reg, RepositoryEntity repo, ImageEntity img, ScanEntity top, Instant now) {
        ScanControls.Settings c = controls.settings();
        while (!top.status.terminal()) {
            if (top.status == ScanStatus.PENDING) {
                if (c.hold() == ScanControls.Hold.PENDING) return;
                Instant due = top.phaseStart.plus(c.pendingDuration());
                if (now.isBefore(due)) return;
                move(top, ScanStatus.RUNNING, due);
            } else {
                if (c.hold() == ScanControls.Hold.RUNNING) return;
                Instant due = top.phaseStart.plus(c.runningDuration());
                if (now.isBefore(due)) return;
                finish(reg, repo, img, top, due);
            }
        }
    }

    /** True when {@link #advance} would change the scan at {@code now}: a transition is due and not held. */
    boolean due(ScanEntity top, Instant now) {
        if (top.status.terminal()) return false;
        ScanControls.Settings c = controls.settings();
        if (top.status == ScanStatus.PENDING)
            return c.hold() != ScanControls.Hold.PENDING && !now.isBefore(top.phaseStart.plus(c.pendingDuration()));
        return c.hold() != ScanControls.Hold.RUNNING && !now.isBefore(top.phaseStart.plus(c.runningDuration()));
    }

    /** Ends the scan at {@code at}: failed when so marked, else completed with a copy of the findings. */
    void finish(RegistryEntity reg, RepositoryEntity repo, ImageEntity img, ScanEntity top, Instant at) {
        if (top.failAtEnd) {
            end(top, ScanStatus.FAILED, at);
            return;
        }
        List<String> tags = new ArrayList<>();
        if (top.inputTag != null) tags.add(top.inputTag);
        tags.addAll(img.tags.keySet());
        boolean synthetic = controls.settings().syntheticFindings();
        if (top.children.isEmpty()) {
            top.findings = findings.lookup(top.digest, null, reg.name, repo.name, tags, synthetic);
        } else {
            for (ScanEntity c : top.children)
                c.findings = findings.lookup(c.digest, top.digest, reg.name, repo.name, tags, synthetic);
        }
        end(top, ScanStatus.COMPLETED, at);
    }

    /** Puts a scan and its children in a terminal state at {@code at}. */
    static void end(ScanEntity top, ScanStatus status, Instant at) {
        move(top, status, at);
        Instant shown = at.truncatedTo(ChronoUnit.SECONDS);
        top.finishedAt = shown;
        for (ScanEntity c : top.children) c.finishedAt = shown;
    }

    private static void move(ScanEntity top, ScanStatus status, Instant at) {
        Instant shown = at.truncatedTo(ChronoUnit.SECONDS);
        top.status = status;
        top.phaseStart = at;
        top.updatedAt = shown;
        for (ScanEntity c : top.children) {
            c.status = status;
            c.phaseStart = at;
            c.updatedAt = shown;
        }
    }
}
