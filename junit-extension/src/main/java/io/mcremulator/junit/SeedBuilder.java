package io.mcremulator.junit;

import io.mcremulator.core.Region;
import io.mcremulator.core.seed.SeedDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Fluent builder of state owned by one tenant, loaded atomically by {@link McrEmulator#seed(Consumer)}:
 *
 * <pre>{@code
 * mcr.seed(s -> s
 *     .proxyCache("hub", "docker-hub", "https://registry-1.docker.io")
 *     .registry("shop", r -> r
 *         .proxyCache("hub")
 *         .repository("team/api", repo -> repo.image("1.0", "latest").image("0.9"))));
 * }</pre>
 *
 * Everything is validated by the engine as a seed document is; an error names the field and leaves state untouched.
 */
public final class SeedBuilder {
    private final String tenant;
    private Region region;
    private final List<SeedDocument.User> users = new ArrayList<>();
    private final List<SeedDocument.ProxyCache> proxyCaches = new ArrayList<>();
    private final List<RegistrySpec> registries = new ArrayList<>();
    private final Map<String, UUID> proxyCacheIds = new HashMap<>();
    private final List<SeedDocument.RegistryUser> registryUsers = new ArrayList<>();

    /** Registries' creator unless {@link RegistrySpec#createdBy} says otherwise: the tenant's first user. */
    private final String defaultCreator;

    SeedBuilder(String tenant, Region region, String defaultCreator) {
        this.tenant = tenant;
        this.region = region;
        this.defaultCreator = defaultCreator;
    }

    /** Region of the entries added after this call. */
    public SeedBuilder region(Region region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    /** A user of the tenant with a fixed docker password (null: generated). */
    public SeedBuilder user(String userId, String password) {
        users.add(new SeedDocument.User(region.id(), tenant, userId, null, password, null));
        return this;
    }

    /**
     * A registry user ({@code /v0/users}) of this tenant for user {@code userId} (a UUID, as {@link TestUser#id()}):
     * its id is {@code userId}, as {@code POST /v0/users} makes it. Name it in {@link RegistrySpec#member}.
     */
    public SeedBuilder registryUser(String userId) {
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("registryUser: '" + userId + "' is not a UUID user id");
        }
        registryUsers.add(new SeedDocument.RegistryUser(region.id(), tenant, id, userId, null));
        return this;
    }

    public SeedBuilder proxyCache(String name, String provider, String url) {
        return proxyCache(name, provider, url, p -> {});
    }

    public SeedBuilder proxyCache(String name, String provider, String url, Consumer<ProxyCacheSpec> spec) {
        ProxyCacheSpec s = new ProxyCacheSpec();
        spec.accept(s);
        UUID id = UUID.randomUUID();
        proxyCacheIds.put(region.id() + "/" + name, id);
        proxyCaches.add(new SeedDocument.ProxyCache(
                region.id(),
                tenant,
                id,
                name,
                provider,
                url,
                s.accessKey,
                s.accessSecret,
                s.description,
                s.createdAt,
                s.createdAt));
        return this;
    }

    /** An empty registry. */
    public SeedBuilder registry(String name) {
        return registry(name, r -> {});
    }

    public SeedBuilder registry(String name, Consumer<RegistrySpec> spec) {
        RegistrySpec r = new RegistrySpec(name, region);
        spec.accept(r);
        registries.add(r);
        return this;
    }

    /** The seed document this builder describes. */
    public SeedDocument build() {
        List<SeedDocument.Registry> regs = new ArrayList<>();
        for (RegistrySpec r : registries) {
            UUID pc = null;
            if (r.proxyCache != null) {
                pc = proxyCacheIds.get(r.region.id() + "/" + r.proxyCache);
                if (pc == null) {
                    throw new IllegalArgumentException("registry '" + r.name + "' names proxy cache '" + r.proxyCache
                            + "', which this builder does not create in " + r.region.id());
                }
            }
            List<SeedDocument.Repository> repos = new ArrayList<>();
            for (RepositorySpec repo : r.repositories) {
                List<SeedDocument.Image> images = new ArrayList<>();
                for (ImageSpec i : repo.images) {
                    String digest =
                            i.digest != null ? i.digest : syntheticDigest(r.name, repo.name, images.size(), i.tags);
                    images.add(new SeedDocument.Image(
                            digest,
                            i.tags,
                            i.sizeBytes,
                            i.manifestMediaType,
                            i.mediaType,
                            i.pushedAt,
                            i.pulledAt,
                            i.extraAttr));
                }
                repos.add(new SeedDocument.Repository(null, repo.name, repo.createdAt, repo.createdAt, images));
            }
            List<SeedDocument.Member> members = new ArrayList<>();
            for (String[] m : r.members)
                members.add(new SeedDocument.Member(null, UUID.fromString(m[0]), m[1], r.createdAt, r.createdAt));
            regs.add(new SeedDocument.Registry(
                    r.region.id(),
                    tenant,
                    null,
                    r.name,
                    pc,
                    r.createdAt,
                    r.createdAt,
                    repos,
                    r.createdBy != null ? r.createdBy : defaultCreator,
                    members));
        }
        return new SeedDocument(users, proxyCaches, regs, List.of(), List.of(), registryUsers, List.of());
    }

    /** A digest for an image given without one: unique, well-formed, stable for the same inputs. */
    private String syntheticDigest(String registry, String repository, int index, List<String> tags) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((tenant + "/" + registry + "/" + repository + "#" + index + tags)
                            .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Optional fields of a proxy cache. */
    public static final class ProxyCacheSpec {
        private String accessKey;
        private String accessSecret;
        private String description;
        private Instant createdAt;

        public ProxyCacheSpec credentials(String accessKey, String accessSecret) {
            this.accessKey = accessKey;
            this.accessSecret = accessSecret;
            return this;
        }

        public ProxyCacheSpec description(String d) {
            description = d;
            return this;
        }

        public ProxyCacheSpec createdAt(Instant t) {
            createdAt = t;
            return this;
        }
    }

    /** A registry: its repositories, optionally a proxy cache (by name, created by the same builder). */
    public static final class RegistrySpec {
        private final String name;
        private final Region region;
        private String proxyCache;
        private Instant createdAt;
        private String createdBy;
        private final List<String[]> members = new ArrayList<>();
        private final List<RepositorySpec> repositories = new ArrayList<>();

        private RegistrySpec(String name, Region region) {
            this.name = name;
            this.region = region;
        }

        /**
         * Its creator's user id: full access over /v2 under {@code registryAccess=members}. Default: the tenant's
         * first user ({@code tenant().user()}, the handle's own credentials).
         */
        public RegistrySpec createdBy(String userId) {
            createdBy = userId;
            return this;
        }

        /**
         * A member: registry user {@code registryUserId} (existing, e.g. {@link TestUser#registryUserId()}, or added
         * by {@link SeedBuilder#registryUser}) with {@code role} {@code developer} or {@code guest}.
         */
        public RegistrySpec member(String registryUserId, String role) {
            members.add(new String[] {registryUserId, role});
            return this;
        }

        public RegistrySpec proxyCache(String proxyCacheName) {
            proxyCache = proxyCacheName;
            return this;
        }

        public RegistrySpec createdAt(Instant t) {
            createdAt = t;
            return this;
        }

        public RegistrySpec repository(String name) {
            return repository(name, r -> {});
        }

        public RegistrySpec repository(String name, Consumer<RepositorySpec> spec) {
            RepositorySpec r = new RepositorySpec(name);
            spec.accept(r);
            repositories.add(r);
            return this;
        }
    }

    /** A repository (path such as {@code team/app}) and its images. */
    public static final class RepositorySpec {
        private final String name;
        private Instant createdAt;
        private final List<ImageSpec> images = new ArrayList<>();

        private RepositorySpec(String name) {
            this.name = name;
        }

        public RepositorySpec createdAt(Instant t) {
            createdAt = t;
            return this;
        }

        /** An image with these tags and a digest made up for it. */
        public RepositorySpec image(String... tags) {
            ImageSpec i = new ImageSpec();
            i.tags(tags);
            images.add(i);
            return this;
        }

        public RepositorySpec image(Consumer<ImageSpec> spec) {
            ImageSpec i = new ImageSpec();
            spec.accept(i);
            images.add(i);
            return this;
        }
    }

    /** An image; without {@link #digest(String)} one is made up from its place and tags. */
    public static final class ImageSpec {
        private String digest;
        private List<String> tags = List.of();
        private Long sizeBytes;
        private String manifestMediaType;
        private String mediaType;
        private Instant pushedAt;
        private Instant pulledAt;
        private Map<String, Object> extraAttr;

        public ImageSpec digest(String d) {
            digest = d;
            return this;
        }

        public ImageSpec tags(String... t) {
            tags = Arrays.asList(t);
            return this;
        }

        public ImageSpec sizeBytes(long n) {
            sizeBytes = n;
            return this;
        }

        public ImageSpec manifestMediaType(String t) {
            manifestMediaType = t;
            return this;
        }

        public ImageSpec mediaType(String t) {
            mediaType = t;
            return this;
        }

        public ImageSpec pushedAt(Instant t) {
            pushedAt = t;
            return this;
        }

        public ImageSpec pulledAt(Instant t) {
            pulledAt = t;
            return this;
        }

        public ImageSpec extraAttr(Map<String, Object> attrs) {
            extraAttr = new LinkedHashMap<>(attrs);
            return this;
        }
    }
}
