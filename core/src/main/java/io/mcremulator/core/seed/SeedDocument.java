package io.mcremulator.core.seed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A seed document: state to load in one atomic step (test control {@code POST /_emulator/seed}, or a file at
 * startup). Optional fields are null. {@code region} defaults to br-se1; {@code tenant} is required.
 */
public record SeedDocument(
        List<User> users,
        List<ProxyCache> proxyCaches,
        List<Registry> registries,
        List<ApiKey> apiKeys,
        List<Blob> blobs,
        List<RegistryUser> registryUsers,
        List<io.mcremulator.core.scan.FindingsRule> findings) {
    /** Version of the JSON format written by exports (the {@code version} field); documents without one are read as 1. */
    public static final int FORMAT_VERSION = 1;

    public SeedDocument {
        users = users == null ? List.of() : List.copyOf(users);
        proxyCaches = proxyCaches == null ? List.of() : List.copyOf(proxyCaches);
        registries = registries == null ? List.of() : List.copyOf(registries);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        blobs = blobs == null ? List.of() : List.copyOf(blobs);
        registryUsers = registryUsers == null ? List.of() : List.copyOf(registryUsers);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * This document with other registries, everything else kept. (The "with" methods use the canonical constructors,
     * so a new component must be carried over here: persistence rewrites documents through them.)
     */
    public SeedDocument withRegistries(List<Registry> newRegistries) {
        return new SeedDocument(users, proxyCaches, newRegistries, apiKeys, blobs, registryUsers, findings);
    }

    public SeedDocument(
            List<User> users,
            List<ProxyCache> proxyCaches,
            List<Registry> registries,
            List<ApiKey> apiKeys,
            List<Blob> blobs) {
        this(users, proxyCaches, registries, apiKeys, blobs, List.of(), List.of());
    }

    public SeedDocument(List<User> users, List<ProxyCache> proxyCaches, List<Registry> registries) {
        this(users, proxyCaches, registries, List.of(), List.of());
    }

    public SeedDocument(
            List<User> users, List<ProxyCache> proxyCaches, List<Registry> registries, List<ApiKey> apiKeys) {
        this(users, proxyCaches, registries, apiKeys, List.of());
    }

    /** Blob bytes of a region, for images given with their manifest (an export with content included). */
    public record Blob(String region, String digest, byte[] data) {}

    /** An {@code X-API-Key} value and the principal it stands for (exports write every mapping here). */
    public record ApiKey(String key, String tenant, String userId, String email) {}

    /** A user: docker credentials (password generated when absent) and optionally an API key that maps to them. */
    public record User(String region, String tenant, String id, String email, String password, String apiKey) {}

    /**
     * A registry user ({@code /v0/users}): the identity {@code username} (a JWT {@code sub} or an API key's user) of
     * {@code tenant}; {@code id} is generated when absent, as {@code createUser} would.
     */
    public record RegistryUser(String region, String tenant, UUID id, String username, Instant createdAt) {}

    /** A membership of registry user {@code userId} in the enclosing registry; role {@code guest} when absent. */
    public record Member(UUID id, UUID userId, String role, Instant createdAt, Instant updatedAt) {}

    public record ProxyCache(
            String region,
            String tenant,
            UUID id,
            String name,
            String provider,
            String url,
            String accessKey,
            String accessSecret,
            String description,
            Instant createdAt,
            Instant updatedAt) {}

    public record Registry(
            String region,
            String tenant,
            UUID id,
            String name,
            UUID proxyCacheId,
            Instant createdAt,
            Instant updatedAt,
            List<Repository> repositories,
            String createdBy,
            List<Member> members) {
        public Registry {
            repositories = repositories == null ? List.of() : List.copyOf(repositories);
            members = members == null ? List.of() : List.copyOf(members);
        }

        /** This registry with other repositories, everything else kept. */
        public Registry withRepositories(List<Repository> newRepositories) {
            return new Registry(
                    region, tenant, id, name, proxyCacheId, createdAt, updatedAt, newRepositories, createdBy, members);
        }

        /** A registry without creator (no one is its creator under {@code --registry-access members}) nor members. */
        public Registry(
                String region,
                String tenant,
                UUID id,
                String name,
                UUID proxyCacheId,
                Instant createdAt,
                Instant updatedAt,
                List<Repository> repositories) {
            this(region, tenant, id, name, proxyCacheId, createdAt, updatedAt, repositories, null, List.of());
        }
    }

    public record Repository(UUID id, String name, Instant createdAt, Instant updatedAt, List<Image> images) {
        public Repository {
            images = images == null ? List.of() : List.copyOf(images);
        }

        /** This repository with other images, everything else kept. */
        public Repository withImages(List<Image> newImages) {
            return new Repository(id, name, createdAt, updatedAt, newImages);
        }
    }

    /**
     * An image. Without {@code digest} the engine builds a real, pullable manifest (with config and layer blobs)
     * and takes its digest; with one, the image has that digest. With {@code manifest} (the exact bytes, whose digest
     * must be {@code digest}) and {@code references} (digest to size of the blobs it uses, each in {@link #blobs()}
     * or already stored), the image is pullable as it was exported.
     */
    public record Image(
            String digest,
            List<String> tags,
            Long sizeBytes,
            String manifestMediaType,
            String mediaType,
            Instant pushedAt,
            Instant pulledAt,
            Map<String, Object> extraAttr,
            byte[] manifest,
            Map<String, Long> references,
            List<Scan> scans) {
        public Image {
            scans = scans == null ? List.of() : List.copyOf(scans);
            tags = tags == null ? List.of() : List.copyOf(tags);
            references = references == null
                    ? null
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(references));
        }

        /** An image without scans. */
        public Image(
                String digest,
                List<String> tags,
                Long sizeBytes,
                String manifestMediaType,
                String mediaType,
                Instant pushedAt,
                Instant pulledAt,
                Map<String, Object> extraAttr,
                byte[] manifest,
                Map<String, Long> references) {
            this(
                    digest,
                    tags,
                    sizeBytes,
                    manifestMediaType,
                    mediaType,
                    pushedAt,
                    pulledAt,
                    extraAttr,
                    manifest,
                    references,
                    List.of());
        }

        /** This image as metadata only (no manifest, no references): listed, not pullable. */
        public Image withoutContent() {
            return new Image(
                    digest,
                    tags,
                    sizeBytes,
                    manifestMediaType,
                    mediaType,
                    pushedAt,
                    pulledAt,
                    extraAttr,
                    null,
                    null,
                    scans);
        }

        /** An image without content: metadata only, or (no digest) a generated pullable image. */
        public Image(
                String digest,
                List<String> tags,
                Long sizeBytes,
                String manifestMediaType,
                String mediaType,
                Instant pushedAt,
                Instant pulledAt,
                Map<String, Object> extraAttr) {
            this(digest, tags, sizeBytes, manifestMediaType, mediaType, pushedAt, pulledAt, extraAttr, null, null);
        }
    }

    /**
     * A scan of an image, as exports write it: its findings (a completed scan's copy) and its child scans (one per
     * platform of an index). {@code digest} defaults to the image's; a child's is required.
     */
    public record Scan(
            UUID id,
            String digest,
            String inputTag,
            io.mcremulator.core.scan.ScanStatus status,
            String os,
            String architecture,
            Instant createdAt,
            Instant updatedAt,
            Instant finishedAt,
            List<io.mcremulator.core.scan.Vulnerability> findings,
            List<Scan> children) {
        public Scan {
            findings = findings == null ? List.of() : List.copyOf(findings);
            children = children == null ? List.of() : List.copyOf(children);
        }
    }
}
