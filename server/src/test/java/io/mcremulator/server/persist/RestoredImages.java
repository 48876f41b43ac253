package io.mcremulator.server.persist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.server.support.TestDigests;
import java.util.ArrayList;
import java.util.List;

/** After a restart: every image the exported state lists pulls whole over /v2 (manifest, config and every layer). */
final class RestoredImages {
    private RestoredImages() {}

    /** Pulls every image of {@code export} (a {@code GET /_emulator/export} document); returns how many there are. */
    static int pullEachWhole(RegistryClient client, JsonNode export) {
        int images = 0;
        for (JsonNode reg : export.get("registries"))
            for (JsonNode repo : reg.get("repositories"))
                for (JsonNode img : repo.get("images")) {
                    String name =
                            reg.get("name").asText() + "/" + repo.get("name").asText();
                    RegistryClient.Answer m = client.v2(
                            "GET",
                            "/v2/" + name + "/manifests/" + img.get("digest").asText(),
                            null,
                            null);
                    assertThat(m.status()).as(name).isEqualTo(200);
                    JsonNode manifest = m.json();
                    List<JsonNode> blobs = new ArrayList<>();
                    blobs.add(manifest.get("config"));
                    manifest.get("layers").forEach(blobs::add);
                    for (JsonNode b : blobs) {
                        String digest = b.get("digest").asText();
                        byte[] bytes = client.v2("GET", "/v2/" + name + "/blobs/" + digest, null, null)
                                .body();
                        assertThat(TestDigests.sha256(bytes))
                                .as(name + " " + digest)
                                .isEqualTo(digest);
                    }
                    images++;
                }
        return images;
    }
}
