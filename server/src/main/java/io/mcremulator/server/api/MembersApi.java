package io.mcremulator.server.api;

import io.mcremulator.core.MemberRole;
import io.mcremulator.core.Members;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.server.http.Call;
import io.mcremulator.server.http.JsonBody;
import java.util.UUID;

/** {@code /v0/registries/{registry_id}/members}: registry users with a role ({@code developer} or {@code guest}). */
public final class MembersApi {
    /** addRegistryMember: {@code user_id} (UUID) required, {@code role} optional ({@code guest}). */
    public void add(Call c) {
        UUID registryId = c.uuidPath("registry_id");
        JsonBody b = c.body();
        UUID userId = b.uuid("user_id");
        if (userId == null)
            throw EmulatorException.badRequest("invalid param: field 'user_id' is required", "user_id", null);
        String role = b.string("role");
        MemberRole r = role == null ? null : MemberRole.parse("role", role);
        c.json(201, Views.member(c.engine().members().add(c.principal(), registryId, userId, r)));
    }

    public void list(Call c) {
        UUID registryId = c.uuidPath("registry_id");
        c.json(
                200,
                Views.list(c.engine().members().list(c.principal(), registryId, c.page(Members.SORT)), Views::member));
    }

    public void get(Call c) {
        c.json(
                200,
                Views.member(
                        c.engine().members().get(c.principal(), c.uuidPath("registry_id"), c.uuidPath("member_id"))));
    }

    /** updateRegistryMember: {@code role} required. */
    public void update(Call c) {
        UUID registryId = c.uuidPath("registry_id");
        UUID memberId = c.uuidPath("member_id");
        String role = c.body().string("role");
        if (role == null) throw EmulatorException.badRequest("invalid param: field 'role' is required", "role", null);
        c.json(
                200,
                Views.member(c.engine()
                        .members()
                        .updateRole(c.principal(), registryId, memberId, MemberRole.parse("role", role))));
    }

    public void delete(Call c) {
        c.engine().members().delete(c.principal(), c.uuidPath("registry_id"), c.uuidPath("member_id"));
        c.noContent();
    }
}
