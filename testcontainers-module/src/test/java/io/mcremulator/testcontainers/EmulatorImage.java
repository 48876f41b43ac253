package io.mcremulator.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import io.mcremulator.testsupport.External;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The image under test, built once per test run from the project's Dockerfile and the server's standalone jar,
 * exactly as a user builds it. Base image: {@code mcr-emulator-jre:local} (made by .ci/build-jre-base-image.sh,
 * which this class runs when the image is missing, since no registry may be reachable), else the Dockerfile's
 * default public JRE image.
 */
final class EmulatorImage {
    /** Tag of the image under test; {@code -Dmcr.testImageTag} lets parallel checkouts on one engine keep apart. */
    static final String TAG = System.getProperty("mcr.testImageTag", "mcr-emulator:test");

    static final String LOCAL_BASE = "mcr-emulator-jre:local";

    private static DockerImageName built;

    private EmulatorImage() {}

    /** Skips (or, in CI, fails) when Docker or the jar is missing; otherwise builds the image once. */
    static synchronized DockerImageName get() {
        if (built != null) return built;
        External.require(dockerAvailable(), "no Docker engine reachable");
        Path projectDir = Path.of(System.getProperty("mcr.projectDir", ".."));
        Path jar = Path.of(System.getProperty("mcr.standaloneJar", ""));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(
                    "standalone jar " + jar + " is missing: run the build through the reactor, e.g. ./mvnw -B verify");
        }
        String base = baseImage(projectDir);
        String name = new ImageFromDockerfile(TAG, false)
                .withFileFromPath("Dockerfile", projectDir.resolve("Dockerfile"))
                .withFileFromPath("docker/jvm.flags", projectDir.resolve("docker/jvm.flags"))
                .withFileFromPath("server/target/" + jar.getFileName(), jar)
                .withBuildArg("BASE_IMAGE", base)
                .get();
        built = DockerImageName.parse(name);
        return built;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String baseImage(Path projectDir) {
        if (imageExists(LOCAL_BASE)) return LOCAL_BASE;
        Path script = projectDir.resolve(".ci/build-jre-base-image.sh");
        try {
            Process p =
                    new ProcessBuilder("bash", script.toString()).inheritIO().start();
            if (p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0 && imageExists(LOCAL_BASE)) return LOCAL_BASE;
            p.destroy();
        } catch (IOException e) {
            // no bash or no jlink: fall back to the public base image below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (External.required()) throw new AssertionError(LOCAL_BASE + " could not be built by " + script);
        return "eclipse-temurin:17-jre";
    }

    static boolean imageExists(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
