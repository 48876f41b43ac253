package io.mcremulator.junit;

import io.mcremulator.client.DockerCredentials;
import io.mcremulator.core.Region;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.model.CredentialsInfo;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A tenant and its users, made by the extension: ids are random UUIDs, API keys are registered in the engine. */
final class DefaultTenant implements TestTenant {
    private final RunningServer running;
    private final Region region;
    private final String id;
    private final List<User> users = new CopyOnWriteArrayList<>();
    private final User primary;

    DefaultTenant(RunningServer running, Region region, String id) {
        this.running = running;
        this.region = region;
        this.id = id;
        this.primary = addUser(UUID.randomUUID().toString());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public TestUser user() {
        return primary;
    }

    @Override
    public TestUser newUser() {
        return addUser(UUID.randomUUID().toString());
    }

    @Override
    public TestUser user(String userId) {
        for (User u : users) if (u.id.equals(userId)) return u;
        return addUser(userId);
    }

    private User addUser(String userId) {
        User u = new User(userId, UUID.randomUUID().toString());
        users.add(u);
        u.register();
        return u;
    }

    @Override
    public void seed(Consumer<SeedBuilder> build) {
        SeedBuilder b = new SeedBuilder(id, region);
        build.accept(b);
        running.engine().seed(b.build());
    }

    @Override
    public McrState state() {
        return new DefaultState(running.engine(), Principal.of(id, primary.id, primary.email()), region);
    }

    @Override
    public void reset() {
        running.engine().resetTenant(id);
        registerApiKeys();
    }

    /** Registers the users' API keys again (a reset forgets them). */
    void registerApiKeys() {
        for (User u : users) u.register();
    }

    /** Forgets everything of this tenant, for the end of the test. */
    void remove() {
        running.engine().resetTenant(id);
    }

    @Override
    public String toString() {
        return "TestTenant[" + id + "]";
    }

    @Override
    public String addMember(String registryId, TestUser user, String role) {
        return running.engine()
                .region(region)
                .members()
                .add(
                        Principal.of(id, user().id(), null),
                        java.util.UUID.fromString(registryId),
                        java.util.UUID.fromString(user.registryUserId()),
                        io.mcremulator.core.MemberRole.parse("role", role))
                .id()
                .toString();
    }

    final class User implements TestUser {
        private final String id;
        private final String apiKey;
        private volatile String token;

        User(String id, String apiKey) {
            this.id = id;
            this.apiKey = apiKey;
        }

        void register() {
            running.engine().apiKeys().register(apiKey, principal());
        }

        private Principal principal() {
            return Principal.of(DefaultTenant.this.id, id, null);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String email() {
            return principal().email();
        }

        @Override
        public TestTenant tenant() {
            return DefaultTenant.this;
        }

        @Override
        public String bearerToken() {
            String t = token;
            if (t == null) token = t = running.tokens.token(DefaultTenant.this.id, id, email(), Tokens.ALL_SCOPES);
            return t;
        }

        @Override
        public String bearerToken(String... scopes) {
            return running.tokens.token(DefaultTenant.this.id, id, email(), String.join(" ", scopes));
        }

        @Override
        public String apiKey() {
            return apiKey;
        }

        @Override
        public DockerCredentials dockerCredentials() {
            return dockerCredentials(region);
        }

        @Override
        public DockerCredentials dockerCredentials(Region r) {
            CredentialsInfo c = running.engine().region(r).credentials().get(principal());
            return new DockerCredentials(c.username(), c.password(), c.email(), running.server.registryHost());
        }

        @Override
        public String registryUserId() {
            return running.engine()
                    .region(region)
                    .users()
                    .create(principal())
                    .id()
                    .toString();
        }

        @Override
        public String toString() {
            return "TestUser[" + id + " of tenant " + DefaultTenant.this.id + "]";
        }
    }
}
