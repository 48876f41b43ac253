package io.mcremulator.server.oci;

import io.mcremulator.core.Credentials;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.time.IdSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque bearer tokens issued by {@code /service/token}. Each remembers the credential generation of the
 * password it was issued for: a password reset bumps the generation, so every older token fails at once.
 */
public final class RegistryTokens {
    /** What a token stands for. */
    public record Issued(String token, Instant issuedAt, Duration ttl) {}

    private record Entry(Principal principal, long generation, Instant expiresAt) {}

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final IdSource ids;
    private final Clock clock;
    private final Duration ttl;

    public RegistryTokens(IdSource ids, Clock clock, Duration ttl) {
        this.ids = ids;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Issued issue(Credentials.Login login) {
        Instant now = clock.instant();
        tokens.values().removeIf(e -> !e.expiresAt.isAfter(now));
        String token = ids.token();
        tokens.put(token, new Entry(login.principal(), login.generation(), now.plus(ttl)));
        return new Issued(token, now, ttl);
    }

    /** The principal of a live token whose password generation is still current. */
    public Optional<Principal> resolve(String token, Credentials credentials) {
        Entry e = tokens.get(token);
        if (e == null) return Optional.empty();
        if (!e.expiresAt.isAfter(clock.instant()) || credentials.generation(e.principal) != e.generation) {
            tokens.remove(token);
            return Optional.empty();
        }
        return Optional.of(e.principal);
    }

    public void clear() {
        tokens.clear();
    }
}
