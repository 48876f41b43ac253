package io.mcremulator.server.oci;

import io.mcremulator.core.Region;
import java.time.Duration;

/**
 * Settings of the /v2 registry API.
 *
 * @param region   the region whose registries /v2 serves (docker cannot put a region in the path)
 * @param challenge which scheme {@code GET /v2/} asks for: Harbor-style Bearer tokens (default) or plain Basic;
 *                  both kinds of credentials are accepted either way
 * @param tokenTtl lifetime of bearer tokens issued by {@code /service/token}
 * @param service  the {@code service} named in the Bearer challenge
 */
public record OciSettings(Region region, Challenge challenge, Duration tokenTtl, String service) {
    public enum Challenge {
        BEARER,
        BASIC
    }

    public OciSettings {
        if (region == null) region = Region.DEFAULT;
        if (challenge == null) challenge = Challenge.BEARER;
        if (tokenTtl == null) tokenTtl = Duration.ofMinutes(30);
        if (tokenTtl.getSeconds() < 60)
            throw new IllegalArgumentException("tokenTtl must be at least 60 seconds, got " + tokenTtl);
        if (service == null || service.isBlank()) service = "mcr-emulator";
    }

    public static OciSettings defaults() {
        return new OciSettings(Region.DEFAULT, Challenge.BEARER, Duration.ofMinutes(30), "mcr-emulator");
    }

    public OciSettings withRegion(Region r) {
        return new OciSettings(r, challenge, tokenTtl, service);
    }

    public OciSettings withChallenge(Challenge c) {
        return new OciSettings(region, c, tokenTtl, service);
    }
}
