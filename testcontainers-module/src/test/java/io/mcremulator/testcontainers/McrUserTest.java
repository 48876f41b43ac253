package io.mcremulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class McrUserTest {

    @Test
    void bearerTokenIsAnUnsignedJwtWithTenantSubAndEmailClaims() {
        McrUser user = new McrUser(
                "pj",
                "0b9a1c0e-1111-4a4a-9b9b-000000000001",
                "0b9a1c0e-2222-4a4a-9b9b-000000000002",
                "a\"b@example.com");
        String[] parts = user.bearerToken().split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(parts[2]).as("no signature").isEmpty();
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertThat(decode(parts[1]))
                .isEqualTo("{\"tenant\":\"pj.0b9a1c0e-1111-4a4a-9b9b-000000000001\","
                        + "\"sub\":\"0b9a1c0e-2222-4a4a-9b9b-000000000002\",\"email\":\"a\\\"b@example.com\"}");
        assertThat(user.authorizationHeader()).isEqualTo("Bearer " + user.bearerToken());
    }

    @Test
    void randomUsersAreSeparateTenantsAndColleaguesShareOne() {
        McrUser a = McrUser.random();
        McrUser b = McrUser.random();
        assertThat(a.tenantId()).isNotEqualTo(b.tenantId());
        assertThat(a.tenantClaim()).startsWith("pf.");
        McrUser colleague = a.colleague();
        assertThat(colleague.tenantId()).isEqualTo(a.tenantId());
        assertThat(colleague.userId()).isNotEqualTo(a.userId());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
