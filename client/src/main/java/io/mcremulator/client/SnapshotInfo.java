package io.mcremulator.client;

import java.time.Instant;
import java.util.Map;

/** A named snapshot of the whole state, kept by the server across resets ({@code GET /_emulator/snapshots}). */
public record SnapshotInfo(String name, Instant takenAt) {
    public static SnapshotInfo of(Map<String, Object> m) {
        return new SnapshotInfo((String) m.get("name"), Instant.parse((String) m.get("takenAt")));
    }
}
