package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jib (jib-core) pushes an image built in memory from scratch, then pulls it back, over plain HTTP with credentials. */
class JibPushPullTest {
    @TempDir
    Path tmp;

    OciFixture f;

    @BeforeEach
    void start() {
        f = new OciFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void pushThenPullWithJib() throws Exception {
        assertThat(System.getProperty("sendCredentialsOverHttp"))
                .as("set by the server module's surefire configuration")
                .isEqualTo("true");
        String registryId = f.createRegistry("jibreg");
        String ref = f.server.registryHost() + "/jibreg/tools/app:1";
        Path file = Files.writeString(tmp.resolve("hello.txt"), "hello from jib\n");

        JibContainer pushed = Jib.fromScratch()
                .addLayer(List.of(file), AbsoluteUnixPath.get("/"))
                .setEntrypoint("/hello")
                .containerize(caches(Containerizer.to(RegistryImage.named(ref).addCredential(f.username, f.password)))
                        .withAdditionalTag("latest"));
        String digest = pushed.getDigest().toString();

        JsonPath repos = f.mgmt()
                .get("/v1/registries/" + registryId + "/repositories")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(repos.getString("results[0].name")).isEqualTo("tools/app");
        String images =
                "/v1/registries/" + registryId + "/repositories/" + repos.getString("results[0].id") + "/images";
        JsonPath img = f.mgmt()
                .get(images + "/" + digest)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(img.getList("tags")).containsExactly("1", "latest");
        assertThat(img.getString("pulled_at")).isEqualTo("0001-01-01T00:00:00Z");

        Path tar = tmp.resolve("pulled.tar");
        JibContainer pulled = Jib.from(RegistryImage.named(ref).addCredential(f.username, f.password))
                .containerize(caches(Containerizer.to(TarImage.at(tar).named("pulled:1"))));
        assertThat(tar).isNotEmptyFile();
        assertThat(pulled.getImageId()).isEqualTo(pushed.getImageId());
        assertThat(f.mgmt()
                        .get(images + "/" + digest)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("pulled_at"))
                .isNotEqualTo("0001-01-01T00:00:00Z");
    }

    private Containerizer caches(Containerizer c) {
        return c.setAllowInsecureRegistries(true)
                .setBaseImageLayersCache(tmp.resolve("jib-base-cache"))
                .setApplicationLayersCache(tmp.resolve("jib-app-cache"));
    }
}
