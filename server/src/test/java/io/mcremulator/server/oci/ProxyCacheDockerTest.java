package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.testsupport.External;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real docker CLI and daemon pull through a {@code docker-hub} proxy cache whose upstream is a local
 * distribution registry (skopeo pushes the image there): same digest as upstream, served from the cache once the
 * upstream is gone, a clear error for what was never cached, and pushes refused.
 */
class ProxyCacheDockerTest {
    @TempDir
    Path tmp;

    DistributionRegistry upstream;
    OciFixture f;
    ProxyCacheFixture p;
    Map<String, String> env;
    final List<String> localImages = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        External.requireCommand("docker engine", List.of("docker", "info", "--format", "{{.ServerVersion}}"));
        External.requireCommand("skopeo", List.of("skopeo", "--version"));
        upstream = DistributionRegistry.start(tmp.resolve("upstream"));
        f = new OciFixture(McrEmulatorServer.builder().proxyUpstream("docker-hub", upstream.url()));
        p = new ProxyCacheFixture(f);
        p.createProxyRegistry("dhub", p.createCache("dhub", "docker-hub", "https://hub.docker.com", null, null));
        env = Map.of(
                "DOCKER_CONFIG",
                Files.createDirectories(tmp.resolve("docker-config")).toString());
        Cli.run(
                        List.of("docker", "login", f.server.registryHost(), "-u", f.username, "--password-stdin"),
                        env,
                        f.password,
                        60)
                .ok();
    }

    @AfterEach
    void stop() {
        for (String img : localImages) Cli.run(List.of("docker", "rmi", "-f", img), env, null, 60);
        if (f != null) f.close();
        if (upstream != null) upstream.close();
    }

    private Cli.Result docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, env, null, 180);
    }

    @Test
    void dockerPullsThroughTheCacheAndFromTheCacheAloneOnceTheUpstreamIsGone() throws Exception {
        TestImage image = TestImage.build(tmp.resolve("img"), "1.0", "pulled by docker through the proxy\n");
        ProxyCacheFixture.pushAnonymous(image, upstream.host() + "/library/busybox:1.0");
        String ref = f.server.registryHost() + "/dhub/busybox:1.0";
        localImages.add(ref);

        Cli.Result pull = docker("pull", ref).ok();
        assertThat(pull.output()).contains(image.digest());
        String repoDigest = docker("image", "inspect", "--format", "{{index .RepoDigests 0}}", ref)
                .ok()
                .output()
                .strip();
        assertThat(repoDigest).isEqualTo(f.server.registryHost() + "/dhub/busybox@" + image.digest());
        assertThat(p.upstreamCalls("upstreamManifestGet")).hasSize(1);
        assertThat(p.blobFetches(image.layer())).isEqualTo(1);

        docker("rmi", ref).ok();
        upstream.stop();
        Cli.Result again = docker("pull", ref).ok();
        assertThat(again.output()).contains(image.digest());
        assertThat(p.upstreamCalls("upstreamManifestGet")).hasSize(1);

        Cli.Result never = docker("pull", f.server.registryHost() + "/dhub/never:1");
        assertThat(never.exit()).as(never.output()).isNotZero();
        assertThat(never.output()).contains("cannot be reached");

        // a push to the proxy-cache registry is refused, saying why
        String mine = f.server.registryHost() + "/dhub/mine:1";
        localImages.add(mine);
        docker("tag", ref, mine).ok();
        Cli.Result push = docker("push", mine);
        assertThat(push.exit()).as(push.output()).isNotZero();
        assertThat(push.output()).contains("proxy cache");
    }
}
