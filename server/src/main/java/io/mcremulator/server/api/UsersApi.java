package io.mcremulator.server.api;

import io.mcremulator.server.http.Call;

/** {@code /v0/users}: the caller's registry user. */
public final class UsersApi {
    /** createUser: no request body; a second call answers the same user (docs/behaviour.md). */
    public void create(Call c) {
        c.json(201, Views.user(c.engine().users().create(c.principal())));
    }

    public void get(Call c) {
        c.json(200, Views.user(c.engine().users().get(c.principal())));
    }

    public void delete(Call c) {
        c.engine().users().delete(c.principal(), c.uuidPath("user_id"));
        c.noContent();
    }
}
