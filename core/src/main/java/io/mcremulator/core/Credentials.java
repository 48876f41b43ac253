package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.model.CredentialsInfo;
import java.util.Optional;

/** Docker login credentials of one region: one pair per user, created on first read, replaced by a reset. */
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
        return s.read(() -> {
            UserEntity u = s.users.get(username);
            if (u == null || password == null || !u.password.equals(password)) return Optional.<Login>empty();
            return Optional.of(new Login(Principal.of(u.tenantId, u.userId, u.email), u.generation));
        });
    }

    /** The current credential generation of a user, or -1 if unknown: tokens of older generations are dead. */
    public long generation(String username) {
        return s.read(() -> {
            UserEntity u = s.users.get(username);
            return u == null ? -1L : u.generation;
        });
    }

    /** A successful docker login: who, and which password generation it used. */
    public record Login(Principal principal, long generation) {}

    private UserEntity user(Principal p) {
        UserEntity u = s.users.get(p.userId());
        if (u == null) {
            u = new UserEntity(
                    p.userId(), p.tenantId(), p.email(), s.config.ids().password());
            s.users.put(u.userId, u);
        } else {
            u.email = p.email();
        }
        return u;
    }

    private static CredentialsInfo view(UserEntity u) {
        return new CredentialsInfo(u.userId, u.password, u.email);
    }
}
