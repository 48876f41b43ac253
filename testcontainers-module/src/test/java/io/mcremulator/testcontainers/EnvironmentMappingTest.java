package io.mcremulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** Without Docker: each setting becomes the standalone runner's environment variable; foreign images are refused. */
class EnvironmentMappingTest {

    @Test
    void settingsMapToTheRunnersEnvironmentVariables() {
        McrEmulatorContainer mcr = new McrEmulatorContainer("mcr-emulator:1.2.3")
                .withAuthMode(McrEmulatorContainer.AuthMode.VERIFY)
                .withJwtHs256Secret("s3cret")
                .withJwtRs256PublicKey("-----BEGIN PUBLIC KEY-----\n...")
                .withJwksUrl("http://keys.example/jwks.json")
                .withRegistryNameMaxLength(40)
                .withNonEmptyRegistryDelete("conflict")
                .withProxyCacheInUseDelete("allow")
                .withGetRepositoryStatus(201)
                .withDefaultPageLimit(50)
                .withNeverPulled("pushed-at")
                .withIdSeed(42)
                .withFixedClock(Instant.parse("2024-05-15T19:56:47Z"))
                .withSeed("{}")
                .withSetting("MCR_JOURNAL_CAPACITY", "500");
        assertThat(mcr.getEnvMap())
                .containsOnly(
                        entry("MCR_PORT", "8080"),
                        entry("MCR_AUTH_MODE", "verify"),
                        entry("MCR_JWT_HS256_SECRET", "s3cret"),
                        entry("MCR_JWT_RS256_PUBLIC_KEY_FILE", McrEmulatorContainer.RS256_KEY_PATH),
                        entry("MCR_JWT_JWKS_URL", "http://keys.example/jwks.json"),
                        entry("MCR_REGISTRY_NAME_MAX_LENGTH", "40"),
                        entry("MCR_NON_EMPTY_REGISTRY_DELETE", "conflict"),
                        entry("MCR_PROXY_CACHE_IN_USE_DELETE", "allow"),
                        entry("MCR_GET_REPOSITORY_STATUS", "201"),
                        entry("MCR_DEFAULT_PAGE_LIMIT", "50"),
                        entry("MCR_NEVER_PULLED", "pushed-at"),
                        entry("MCR_ID_SEED", "42"),
                        entry("MCR_FIXED_CLOCK", "2024-05-15T19:56:47Z"),
                        entry("MCR_SEED_FILE", McrEmulatorContainer.SEED_PATH),
                        entry("MCR_JOURNAL_CAPACITY", "500"));
        assertThat(mcr.getExposedPorts()).containsExactly(McrEmulatorContainer.PORT);
    }

    @Test
    void proxyUpstreamMappingsAddUp() {
        McrEmulatorContainer mcr = new McrEmulatorContainer("mcr-emulator:1.2.3")
                .withProxyUpstream("docker-hub", "http://host.testcontainers.internal:5000")
                .withProxyUpstream("https://gcr.io", "http://registry:5000")
                .withProxyCacheProbe("network");
        assertThat(mcr.getEnvMap())
                .contains(
                        entry(
                                "MCR_PROXY_UPSTREAM",
                                "docker-hub=http://host.testcontainers.internal:5000,https://gcr.io=http://registry:5000"),
                        entry("MCR_PROXY_CACHE_PROBE", "network"));
    }

    @Test
    void refusesWhatIsNotASettingOrNotTheEmulatorImage() {
        McrEmulatorContainer mcr = new McrEmulatorContainer("mcr-emulator");
        assertThatThrownBy(() -> mcr.withSetting("JAVA_HOME", "/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MCR_");
        assertThatThrownBy(() -> mcr.withSeed(java.nio.file.Path.of("/no/such/seed.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/no/such/seed.json");
        assertThatThrownBy(() -> new McrEmulatorContainer("nginx:latest")).isInstanceOf(IllegalStateException.class);
        new McrEmulatorContainer(
                DockerImageName.parse("registry.example/team/emulator:1").asCompatibleSubstituteFor("mcr-emulator"));
    }
}
