package io.mcremulator.server.api;

import io.mcremulator.server.http.Call;

/** {@code /v0/credentials}: the caller's docker login pair. */
public final class CredentialsApi {
    /** getCredentials: created on first read, the same until a reset. */
    public void get(Call c) {
        c.json(200, Views.credentials(c.engine().credentials().get(c.principal())));
    }

    /** resetPassword: 200 with the new password; the body (the Go SDK sends {@code null}) is ignored. */
    public void resetPassword(Call c) {
        c.json(200, Views.credentials(c.engine().credentials().resetPassword(c.principal())));
    }
}
