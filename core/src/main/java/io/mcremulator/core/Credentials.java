package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.model.CredentialsInfo;
import java.util.Optional;

/**
 * Docker login credentials of one region: one pair per (tenant, user), created on first read, replaced by a reset.
 */
public final class Credentials {
    private final RegionState s;

    Credentials(RegionState s) {
        this.s = s;
    }

    public CredentialsInfo get(Principal p) {
        return s.write(() -> view(user(p)));
    }

    public CredentialsInfo resetPassword(Principal p) {
        return s.write(() -> {
            UserEntity u = user(p);
            u.password = s.config.ids().password();
            u.generation++;
            return view(u);
        });
    }

    /**
     * Checks a docker login. Returns the user's principal (with its current credential generation in
     * {@link Login#generation()}) when the pair matches.
     */
    public Optional<Login> login(String username, String password) {
        if (username == null || password == null) return Optional.empty();
        return s.read(() -> {
            // The username is the user id, which several tenants may share: the password tells them apart. Two
            // users of one id with the same (seeded) password are ambiguous, and neither logs in.
            UserEntity found = null;
            for (UserEntity u : s.users.values()) {
                if (!u.userId.equals(username) || !u.password.equals(password)) continue;
                if (found != null) return Optional.<Login>empty();
                found = u;
            }
            if (found == null) return Optional.<Login>empty();
            return Optional.of(new Login(Principal.of(found.tenantId, found.userId, found.email), found.generation));
        });
    }

    /** The current credential generation of a user, or -1 if unknown: tokens of older generations are dead. */
    public long generation(Principal p) {
        return s.read(() -> {
            UserEntity u = s.users.get(UserEntity.key(p.tenantId(), p.userId()));
            return u == null ? -1L : u.generation;
        });
    }

    /** A successful docker login: who, and which password generation it used. */
    public record Login(Principal principal, long generation) {}

    private UserEntity user(Principal p) {
        UserEntity u = s.users.get(UserEntity.key(p.tenantId(), p.userId()));
        if (u == null) {
            u = new UserEntity(
                    p.userId(), p.tenantId(), p.email(), s.config.ids().password());
            s.users.put(u.key(), u);
        } else {
            u.email = p.email();
        }
        return u;
    }

    private static CredentialsInfo view(UserEntity u) {
        return new CredentialsInfo(u.userId, u.password, u.email);
    }
}
