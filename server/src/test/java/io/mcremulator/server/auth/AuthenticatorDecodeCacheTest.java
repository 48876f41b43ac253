package io.mcremulator.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.core.auth.ApiKeyDirectory;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Decode mode remembers decoded tokens; each token must still map to its own caller. */
class AuthenticatorDecodeCacheTest {
    private final Authenticator auth = new Authenticator(AuthSettings.defaults(), new ApiKeyDirectory());

    private static String token(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void repeatedTokensKeepTheirOwnTenantAndScopes() {
        String a = token("{\"tenant\":\"CUSTOMER.t-a\",\"sub\":\"alice\",\"scope\":\"mcr.read\"}");
        String b = token("{\"tenant\":\"CUSTOMER.t-b\",\"sub\":\"bob\"}");
        for (int i = 0; i < 3; i++) {
            Principal pa = auth.authenticate(a, null);
            Principal pb = auth.authenticate(b, null);
            assertThat(pa.tenantId()).isEqualTo("t-a");
            assertThat(pa.hasScope("mcr.write")).isFalse();
            assertThat(pb.tenantId()).isEqualTo("t-b");
            assertThat(pb.userId()).isEqualTo("bob");
        }
    }

    @Test
    void badTokensStayRejectedEveryTime() {
        String noTenant = token("{\"sub\":\"alice\"}");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> auth.authenticate(noTenant, null))
                    .isInstanceOf(EmulatorException.class)
                    .hasMessageContaining("tenant");
        }
    }
}
