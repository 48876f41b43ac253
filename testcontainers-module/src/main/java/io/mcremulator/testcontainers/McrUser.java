package io.mcremulator.testcontainers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A caller of the management API as the emulator sees it: a tenant ({@code <type>.<uuid>}, as in Magalu Cloud's
 * tokens), a user id (the token's {@code sub}) and an email.
 *
 * <p>In the emulator's default auth mode ({@code decode}) a bearer token is decoded without checking its signature,
 * so {@link #bearerToken()} builds an unsigned JWT ({@code alg: none}) carrying these claims; every new user is a
 * new tenant with its own registries, repositories and docker credentials.
 *
 * @param tenantType tenant type prefix of the {@code tenant} claim, e.g. {@code pf} (person) or {@code pj} (company)
 */
public record McrUser(String tenantType, String tenantId, String userId, String email) {
    public McrUser {
        Objects.requireNonNull(tenantType, "tenantType");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
    }

    /** A user in a tenant of its own, with random UUIDs and an email derived from the user id. */
    public static McrUser random() {
        String user = UUID.randomUUID().toString();
        return new McrUser("pf", UUID.randomUUID().toString(), user, user + "@users.mcr-emulator.local");
    }

    /** Another user of the same tenant. */
    public McrUser colleague() {
        String user = UUID.randomUUID().toString();
        return new McrUser(tenantType, tenantId, user, user + "@users.mcr-emulator.local");
    }

    /** The {@code tenant} claim: {@code <type>.<uuid>}. */
    public String tenantClaim() {
        return tenantType + "." + tenantId;
    }

    /** An unsigned JWT ({@code alg: none}) with the claims {@code tenant}, {@code sub} and {@code email}. */
    public String bearerToken() {
        StringBuilder claims = new StringBuilder("{\"tenant\":")
                .append(jsonString(tenantClaim()))
                .append(",\"sub\":")
                .append(jsonString(userId));
        if (email != null) claims.append(",\"email\":").append(jsonString(email));
        claims.append('}');
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The value of the {@code Authorization} header: {@code Bearer <token>}. */
    public String authorizationHeader() {
        return "Bearer " + bearerToken();
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
