package io.mcremulator.junit.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcremulator.junit.McrEmulator;
import io.mcremulator.junit.McrEmulatorExtension;
import io.mcremulator.junit.McrEmulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The extension as a user's build sees it: this module's classpath has the shaded jar (not the module's classes
 * directory), Jetty 11 and Jackson 2.12, and JUnit 6. The emulator must run beside all of them.
 */
@McrEmulatorTest
class ShadedJarTest {

    @Test
    void extensionComesFromTheShadedJar() throws Exception {
        Path location = Path.of(McrEmulatorExtension.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(location.getFileName().toString())
                .as("the reactor must hand us the packaged jar")
                .endsWith(".jar");
        for (String relocated : List.of(
                "io.mcremulator.shaded.javalin.Javalin",
                "io.mcremulator.shaded.jetty.server.Server",
                "io.mcremulator.shaded.jackson.databind.ObjectMapper",
                "io.mcremulator.shaded.kotlin.Unit")) {
            Path from = Path.of(Class.forName(relocated)
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            assertThat(from).as("%s is loaded from the shaded jar", relocated).isEqualTo(location);
        }
        assertThatThrownBy(() -> Class.forName("io.javalin.Javalin")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("kotlin.Unit")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("com.auth0.jwt.JWT")).isInstanceOf(ClassNotFoundException.class);
    }

    /** Catches a library added to the server later without a relocation in junit-extension/pom.xml. */
    @Test
    void everyClassInTheJarIsOursOrRelocated() throws Exception {
        Path jar = Path.of(McrEmulatorExtension.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> foreign = file.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.replaceFirst("^META-INF/versions/\\d+/", ""))
                    .filter(n -> !n.startsWith("io/mcremulator/"))
                    .toList();
            assertThat(foreign)
                    .as("classes outside io.mcremulator (add a <relocation> in junit-extension/pom.xml)")
                    .isEmpty();
        }
    }

    @Test
    void theUsersJettyAndJacksonAreTheOldOnes() {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .startsWith("2.12.");
        assertThat(org.eclipse.jetty.util.Jetty.VERSION).startsWith("11.");
    }

    @Test
    void emulatorAndTheUsersJetty11AndJackson212WorkSideBySide(McrEmulator mcr) throws Exception {
        Server jetty11 = new Server();
        ServerConnector connector = new ServerConnector(jetty11);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty11.addConnector(connector);
        jetty11.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String name = mcr.uniqueName("compat");
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(mcr.managementUrl() + "/v0/registries"))
                            .header("Authorization", mcr.authorizationHeader())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    new ObjectMapper().writeValueAsString(Map.of("name", name))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(new ObjectMapper().readTree(created.body()).get("name").asText())
                    .isEqualTo(name);
            HttpResponse<String> users = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode())
                    .as("the user's own Jetty 11 answers (404: no handler)")
                    .isEqualTo(404);
        } finally {
            jetty11.stop();
        }
    }

    @Test
    void publishedPomListsNoShadedLibrary() throws Exception {
        String pom = Files.readString(Path.of(System.getProperty("mcr.junit.reducedPom")));
        String deps = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        assertThat(deps)
                .contains("<artifactId>slf4j-api</artifactId>")
                .doesNotContain("javalin")
                .doesNotContain("jetty")
                .doesNotContain("jackson")
                .doesNotContain("kotlin")
                .doesNotContain("java-jwt")
                .doesNotContain("mcr-emulator-server")
                .doesNotContain("mcr-emulator-core");
    }
}
