package io.mcremulator.core;

import io.mcremulator.core.scan.ScanStatus;
import io.mcremulator.core.scan.Vulnerability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Mutable scan state, guarded by the region lock. A scan lives on the image it scans, so deleting the image (or its
 * repository or registry) takes its scans along. Children (one per platform manifest of an index) share the
 * parent's timeline.
 */
final class ScanEntity {
    final UUID id;
    final UUID registryId;
    final UUID repositoryId;
    final String digest;
    /** The tag the scan was scheduled by; null when scheduled by digest, and for children. */
    final String inputTag;

    final String os;
    final String architecture;
    final Instant createdAt;
    Instant updatedAt;
    Instant finishedAt;
    ScanStatus status = ScanStatus.PENDING;
    /** When the current phase (pending, running) began, at full precision: its duration counts from here. */
    Instant phaseStart;
    /** Set at scheduling when the test asked for the next scan to fail. */
    boolean failAtEnd;
    /** The findings, copied when the scan completed; empty before. For a parent of children: none of its own. */
    List<Vulnerability> findings = List.of();

    final List<ScanEntity> children = new ArrayList<>();

    ScanEntity(
            UUID id,
            UUID registryId,
            UUID repositoryId,
            String digest,
            String inputTag,
            String os,
            String architecture,
            Instant createdAt) {
        this.id = id;
        this.registryId = registryId;
        this.repositoryId = repositoryId;
        this.digest = digest;
        this.inputTag = inputTag;
        this.os = os;
        this.architecture = architecture;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** A deep copy, for snapshots. */
    ScanEntity copy() {
        ScanEntity c = new ScanEntity(id, registryId, repositoryId, digest, inputTag, os, architecture, createdAt);
        c.updatedAt = updatedAt;
        c.finishedAt = finishedAt;
        c.status = status;
        c.phaseStart = phaseStart;
        c.failAtEnd = failAtEnd;
        c.findings = findings;
        for (ScanEntity ch : children) c.children.add(ch.copy());
        return c;
    }

    /** Its findings: its own, or for a parent the children's in order. */
    List<Vulnerability> allFindings() {
        if (children.isEmpty()) return findings;
        List<Vulnerability> out = new ArrayList<>();
        for (ScanEntity c : children) out.addAll(c.findings);
        return out;
    }
}
