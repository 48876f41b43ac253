package io.mcremulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.blob.Digests;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.model.ImageInfo;
import io.mcremulator.core.oci.MediaTypes;
import io.mcremulator.core.seed.SeedDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A seed document and a docker push are two ways to put an image in: they accept the same tags and repository names,
 * and derive the same image fields from the same manifest.
 */
class SeedAndPushRulesTest {
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private static final Principal CALLER = Principal.of(TENANT, TENANT, null);
    private static final byte[] EMPTY_INDEX = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX
                    + "\",\"artifactType\":\"application/vnd.example.sbom\",\"manifests\":[],"
                    + "\"annotations\":{\"org.opencontainers.image.title\":\"t\"}}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void seedsAndPushesAcceptTheSameTags() {
        for (String tag : List.of(
                "latest",
                "v1.2.3",
                "_under",
                "A-Z_a.z",
                "x".repeat(128),
                "x".repeat(129),
                "-dash",
                ".dot",
                "a/b",
                "")) {
            assertThat(seedAccepts("app", tag)).as("seed of tag '%s'", tag).isEqualTo(pushAccepts("app", tag));
        }
    }

    @Test
    void seedsAndPushesAcceptTheSameRepositoryNames() {
        for (String repo : List.of(
                "app",
                "team/app",
                "a.b_c__d--e",
                "Upper",
                "a//b",
                "-a",
                "a_",
                "x".repeat(250), // team/ + 250 = 255 characters: the longest name a client can use
                "x".repeat(251))) {
            assertThat(seedAccepts(repo, "latest"))
                    .as("seed of repository '%s'", repo)
                    .isEqualTo(pushAccepts(repo, "latest"));
        }
    }

    @Test
    void aSeededManifestAndThePushedOneGiveTheSameImage() {
        String digest = Digests.sha256(EMPTY_INDEX);
        Emulator pushed = emulatorWithRegistry();
        pushed.region(Region.DEFAULT)
                .ociManifests()
                .put(CALLER, "team/app", "latest", MediaTypes.OCI_INDEX, EMPTY_INDEX, List.of());
        Emulator seeded = new Emulator();
        seeded.seed(document(
                "app",
                new SeedDocument.Image(
                        digest, List.of("latest"), null, null, null, null, null, null, EMPTY_INDEX, Map.of())));
        ImageInfo a = image(pushed);
        ImageInfo b = image(seeded);
        assertThat(b.digest()).isEqualTo(a.digest());
        assertThat(b.manifestMediaType()).isEqualTo(a.manifestMediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(b.mediaType()).isEqualTo(a.mediaType());
        assertThat(b.tags()).isEqualTo(a.tags());
    }

    private static ImageInfo image(Emulator e) {
        RegionEngine r = e.region(Region.DEFAULT);
        UUID registry = r.registries()
                .list(CALLER, io.mcremulator.core.paging.PageRequest.of(10, 0, "name:asc"), null)
                .results()
                .get(0)
                .id();
        return r.images().get(CALLER, registry, Images.RepoRef.byName("app"), "latest");
    }

    private static boolean seedAccepts(String repository, String tag) {
        try {
            new Emulator()
                    .seed(document(
                            repository,
                            new SeedDocument.Image(null, List.of(tag), null, null, null, null, null, null)));
            return true;
        } catch (EmulatorException e) {
            return false;
        }
    }

    private static boolean pushAccepts(String repository, String tag) {
        try {
            emulatorWithRegistry()
                    .region(Region.DEFAULT)
                    .ociManifests()
                    .put(CALLER, "team/" + repository, tag, MediaTypes.OCI_INDEX, EMPTY_INDEX, List.of());
            return true;
        } catch (EmulatorException e) {
            return false;
        }
    }

    private static Emulator emulatorWithRegistry() {
        Emulator e = new Emulator();
        e.seed(new SeedDocument(
                List.of(),
                List.of(),
                List.of(new SeedDocument.Registry(null, TENANT, null, "team", null, null, null, List.of()))));
        return e;
    }

    private static SeedDocument document(String repository, SeedDocument.Image image) {
        return new SeedDocument(
                List.of(),
                List.of(),
                List.of(new SeedDocument.Registry(
                        null,
                        TENANT,
                        null,
                        "team",
                        null,
                        null,
                        null,
                        List.of(new SeedDocument.Repository(null, repository, null, null, List.of(image))))));
    }
}
