package io.mcremulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.server.proxy.ProxySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proxy-cache flags: repeatable {@code --proxy-upstream}, the probe mode, the timeout and the error style. */
class MainProxyFlagsTest {
    private static ProxySettings proxy(Map<String, String> env, String... args) {
        return Main.fromOptions(Main.parse(args).flags(), env).settings().proxy();
    }

    @Test
    void upstreamMappingsAddUpFromRepeatedFlagsOrOneCommaSeparatedValue() {
        ProxySettings p = proxy(
                Map.of(),
                "--proxy-upstream",
                "docker-hub=http://127.0.0.1:5000",
                "--proxy-upstream=https://gcr.io/=http://127.0.0.1:5001",
                "--proxy-cache-probe",
                "network",
                "--proxy-upstream-timeout-seconds",
                "5",
                "--proxy-upstream-errors",
                "gateway");
        assertThat(p.upstreams())
                .containsEntry("docker-hub", URI.create("http://127.0.0.1:5000"))
                .containsEntry("https://gcr.io", URI.create("http://127.0.0.1:5001"));
        assertThat(p.probe()).isEqualTo(ProxySettings.Probe.NETWORK);
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.gatewayErrors()).isTrue();

        ProxySettings env = proxy(Map.of("MCR_PROXY_UPSTREAM", "docker-hub=http://a:1, aws-ecr=http://b:2"));
        assertThat(env.upstreams()).containsOnlyKeys("docker-hub", "aws-ecr");
        assertThat(proxy(Map.of()).probe()).isEqualTo(ProxySettings.Probe.OFFLINE);
        assertThat(proxy(Map.of()).gatewayErrors()).isFalse();
    }

    @Test
    void badValuesNameTheFlag() {
        assertThatThrownBy(() -> proxy(Map.of(), "--proxy-upstream", "docker-hub"))
                .hasMessageContaining("--proxy-upstream")
                .hasMessageContaining("PROVIDER=URL");
        assertThatThrownBy(() -> proxy(Map.of(), "--proxy-upstream", "docker-hub=ftp://x"))
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> proxy(Map.of(), "--proxy-cache-probe", "sometimes"))
                .hasMessageContaining("--proxy-cache-probe");
        assertThatThrownBy(() -> proxy(Map.of(), "--proxy-upstream-timeout-seconds", "0"))
                .hasMessageContaining("--proxy-upstream-timeout-seconds");
        assertThatThrownBy(() -> proxy(Map.of(), "--proxy-upstream-errors", "teapot"))
                .hasMessageContaining("--proxy-upstream-errors");
    }
}
