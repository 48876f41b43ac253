package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manifests over /v2: byte-for-byte storage, negotiation, references, deletes, tag lists, catalog, referrers. */
class OciManifestTest {
    OciFixture f;
    final String repo = "mreg/app";

    @BeforeEach
    void start() {
        f = new OciFixture();
        f.createRegistry("mreg");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void manifestIsStoredByteForByteAndServedWithDigestTypeAndLength() {
        OciFixture.Pushed p = f.pushImage(repo, "v1", "layer-a");
        // Re-indented JSON keeps its own digest: nothing is re-serialised.
        assertThat(p.digest()).isEqualTo(OciFixture.sha256(p.manifest()));
        var get = f.v2().get("/v2/" + repo + "/manifests/v1");
        get.then()
                .statusCode(200)
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .header("Docker-Content-Digest", p.digest())
                .header("Content-Length", String.valueOf(p.manifest().length()));
        assertThat(get.asString()).isEqualTo(p.manifest());
        f.v2().head("/v2/" + repo + "/manifests/" + p.digest())
                .then()
                .statusCode(200)
                .header("Docker-Content-Digest", p.digest())
                .header("Content-Length", String.valueOf(p.manifest().length()));
    }

    @Test
    void whitespaceVariantGetsItsOwnDigest() {
        OciFixture.Pushed p = f.pushImage(repo, "v1", "layer-b");
        String spaced = p.manifest().replace(",", ",\n  ");
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(spaced.getBytes())
                .put("/v2/" + repo + "/manifests/spaced")
                .then()
                .statusCode(201)
                .header("Docker-Content-Digest", OciFixture.sha256(spaced));
        assertThat(f.v2().get("/v2/" + repo + "/manifests/spaced").asString()).isEqualTo(spaced);
    }

    @Test
    void acceptNegotiationReadsEveryAcceptLine() {
        f.pushImage(repo, "v1", "layer-c");
        f.v2().header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                .header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .get("/v2/" + repo + "/manifests/v1")
                .then()
                .statusCode(200);
        f.v2().header("Accept", "*/*")
                .get("/v2/" + repo + "/manifests/v1")
                .then()
                .statusCode(200);
        f.v2().header(
                        "Accept",
                        "application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json")
                .get("/v2/" + repo + "/manifests/v1")
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("MANIFEST_UNKNOWN"));
    }

    @Test
    void manifestReferencingAMissingBlobIsRejectedAndCreatesNothing() {
        String cfg = f.pushBlob(repo, "{}".getBytes());
        String missing = OciFixture.sha256("never pushed");
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(OciFixture.manifest(cfg, 2, missing, 12).getBytes())
                .put("/v2/" + repo + "/manifests/v1")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("MANIFEST_BLOB_UNKNOWN"))
                .body("errors[0].detail.digest", equalTo(missing));
        f.mgmt().get("/v0/registries").then().body("results[0].storage_usage_bytes", equalTo(0));
        f.v2().get("/v2/" + repo + "/tags/list").then().statusCode(404).body("errors[0].code", equalTo("NAME_UNKNOWN"));
    }

    @Test
    void nonDistributableLayersNeedNotExist() {
        String cfg = f.pushBlob(repo, "{}".getBytes());
        String m =
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                        + cfg
                        + "\",\"size\":2},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.nondistributable.v1.tar+gzip\",\"digest\":\""
                        + OciFixture.sha256("foreign") + "\",\"size\":7,\"urls\":[\"https://example.com/l\"]}]}";
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(m.getBytes())
                .put("/v2/" + repo + "/manifests/nd")
                .then()
                .statusCode(201);
    }

    @Test
    void invalidManifestsGetManifestInvalid() {
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body("{not json".getBytes())
                .put("/v2/" + repo + "/manifests/x")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("MANIFEST_INVALID"));
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body("{\"schemaVersion\":1}".getBytes())
                .put("/v2/" + repo + "/manifests/x")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("MANIFEST_INVALID"));
    }

    @Test
    void putByDigestChecksTheDigest() {
        OciFixture.Pushed p = f.pushImage(repo, "v1", "layer-d");
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(p.manifest().getBytes())
                .put("/v2/" + repo + "/manifests/" + OciFixture.sha256("other"))
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("DIGEST_INVALID"));
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(p.manifest().getBytes())
                .put("/v2/" + repo + "/manifests/" + p.digest())
                .then()
                .statusCode(201)
                .header("Location", "/v2/" + repo + "/manifests/" + p.digest());
    }

    @Test
    void putByDigestWithTagParametersTagsItAndAnswersOciTag() {
        OciFixture.Pushed p = f.pushImage(repo, "v1", "layer-t");
        var r = f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(p.manifest().getBytes())
                .put("/v2/" + repo + "/manifests/" + p.digest() + "?tag=x1&tag=x2");
        r.then().statusCode(201);
        assertThat(r.headers().getValues("OCI-Tag")).containsExactly("x1", "x2");
        f.v2().get("/v2/" + repo + "/tags/list").then().body("tags", equalTo(List.of("v1", "x1", "x2")));
    }

    @Test
    void manifestsOfFourMegabytesAreAccepted() {
        String cfg = f.pushBlob(repo, "{}".getBytes());
        StringBuilder pad = new StringBuilder(4 * 1024 * 1024 + 100);
        while (pad.length() < 4 * 1024 * 1024) pad.append("abcdefghijklmnopqrstuvwxyz0123456789");
        String m =
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                        + cfg + "\",\"size\":2},\"layers\":[],\"annotations\":{\"pad\":\"" + pad + "\"}}";
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(m.getBytes())
                .put("/v2/" + repo + "/manifests/big")
                .then()
                .statusCode(201);
        assertThat(f.v2().get("/v2/" + repo + "/manifests/big").asByteArray()).hasSize(m.length());
    }

    @Test
    void manifestsOverTheLimitGetSizeInvalidAndStoreNothing() {
        String cfg = f.pushBlob(repo, "{}".getBytes());
        String pad = "x".repeat(24 * 1024 * 1024);
        String m =
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                        + cfg + "\",\"size\":2},\"layers\":[],\"annotations\":{\"pad\":\"" + pad + "\"}}";
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(m.getBytes())
                .put("/v2/" + repo + "/manifests/huge")
                .then()
                .statusCode(413)
                .body("errors[0].code", equalTo("SIZE_INVALID"));
        f.v2().get("/v2/" + repo + "/manifests/huge").then().statusCode(404);
    }

    @Test
    void indexRequiresItsChildManifestsAndServesItsOwnType() {
        OciFixture.Pushed child = f.pushImage(repo, "amd64", "layer-e");
        int childLen = child.manifest().length();
        String index =
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
                        + child.digest() + "\",\"size\":" + childLen
                        + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}";
        f.v2().contentType("application/vnd.oci.image.index.v1+json")
                .body(index.getBytes())
                .put("/v2/" + repo + "/manifests/multi")
                .then()
                .statusCode(201);
        f.v2().get("/v2/" + repo + "/manifests/multi")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/vnd.oci.image.index.v1+json");
        String broken = index.replace(child.digest(), OciFixture.sha256("absent child"));
        f.v2().contentType("application/vnd.oci.image.index.v1+json")
                .body(broken.getBytes())
                .put("/v2/" + repo + "/manifests/broken")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("MANIFEST_BLOB_UNKNOWN"));
    }

    @Test
    void deleteByDigestRemovesImageAndItsTagsAtOnceAndTagDeleteKeepsTheImage() {
        OciFixture.Pushed p = f.pushImage(repo, "v1", "layer-f");
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(p.manifest().getBytes())
                .put("/v2/" + repo + "/manifests/v2")
                .then()
                .statusCode(201);
        f.v2().delete("/v2/" + repo + "/manifests/v2").then().statusCode(202);
        f.v2().get("/v2/" + repo + "/manifests/v2")
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("MANIFEST_UNKNOWN"));
        f.v2().get("/v2/" + repo + "/manifests/" + p.digest()).then().statusCode(200);
        f.v2().delete("/v2/" + repo + "/manifests/" + p.digest()).then().statusCode(202);
        f.v2().get("/v2/" + repo + "/manifests/" + p.digest()).then().statusCode(404);
        f.v2().head("/v2/" + repo + "/manifests/v1").then().statusCode(404);
        f.v2().delete("/v2/" + repo + "/manifests/" + p.digest()).then().statusCode(404);
    }

    @Test
    void tagListIsSortedAndPaginatedWithNLastAndLink() {
        OciFixture.Pushed p = f.pushImage(repo, "b", "layer-g");
        for (String t : List.of("a", "c", "B", "d")) {
            f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                    .body(p.manifest().getBytes())
                    .put("/v2/" + repo + "/manifests/" + t)
                    .then()
                    .statusCode(201);
        }
        f.v2().get("/v2/" + repo + "/tags/list")
                .then()
                .statusCode(200)
                .body("name", equalTo(repo))
                .body("tags", equalTo(List.of("B", "a", "b", "c", "d")))
                .header("Link", nullValue());
        f.v2().get("/v2/" + repo + "/tags/list?n=2")
                .then()
                .body("tags", equalTo(List.of("B", "a")))
                .header("Link", "</v2/" + repo + "/tags/list?last=a&n=2>; rel=\"next\"");
        f.v2().get("/v2/" + repo + "/tags/list?n=2&last=a").then().body("tags", equalTo(List.of("b", "c")));
        f.v2().get("/v2/" + repo + "/tags/list?n=2&last=c")
                .then()
                .body("tags", equalTo(List.of("d")))
                .header("Link", nullValue());
        f.v2().get("/v2/" + repo + "/tags/list?n=0")
                .then()
                .body("tags", equalTo(List.of()))
                .header("Link", nullValue());
        f.v2().get("/v2/" + repo + "/tags/list?n=-1")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("PAGINATION_NUMBER_INVALID"));
        f.v2().get("/v2/mreg/nothing-here/tags/list")
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("NAME_UNKNOWN"));
    }

    @Test
    void catalogListsOnlyTheCallersRepositoriesSortedAndPaginated() {
        f.pushImage("mreg/zeta", "1", "z");
        f.pushImage("mreg/alpha/sub", "1", "a");
        String otherJwt = OciFixture.jwt("other-tenant", "other-user");
        io.restassured.RestAssured.given()
                .baseUri(f.base())
                .header("Authorization", "Bearer " + otherJwt)
                .contentType("application/json")
                .body(java.util.Map.of("name", "otherreg"))
                .post("/v0/registries")
                .then()
                .statusCode(201);
        f.v2().get("/v2/_catalog")
                .then()
                .statusCode(200)
                .body("repositories", equalTo(List.of("mreg/alpha/sub", "mreg/zeta")));
        f.v2().get("/v2/_catalog?n=1")
                .then()
                .body("repositories", equalTo(List.of("mreg/alpha/sub")))
                .header("Link", "</v2/_catalog?last=mreg%2Falpha%2Fsub&n=1>; rel=\"next\"");
    }

    @Test
    void referrersAreIndexedFromSubjectWithArtifactTypeFilter() {
        OciFixture.Pushed subject = f.pushImage(repo, "v1", "layer-h");
        String cfg = f.pushBlob(repo, "{}".getBytes());
        String sig =
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"artifactType\":\"application/vnd.example.sig\","
                        + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + cfg
                        + "\",\"size\":2},\"layers\":[],"
                        + "\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
                        + subject.digest() + "\",\"size\":" + subject.manifest().length() + "},"
                        + "\"annotations\":{\"org.example\":\"yes\"}}";
        String sigDigest = OciFixture.sha256(sig);
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(sig.getBytes())
                .put("/v2/" + repo + "/manifests/" + sigDigest)
                .then()
                .statusCode(201)
                .header("OCI-Subject", subject.digest());
        f.v2().get("/v2/" + repo + "/referrers/" + subject.digest())
                .then()
                .statusCode(200)
                .header("Content-Type", "application/vnd.oci.image.index.v1+json")
                .body("manifests[0].digest", equalTo(sigDigest))
                .body("manifests[0].artifactType", equalTo("application/vnd.example.sig"))
                .body("manifests[0].annotations.'org.example'", equalTo("yes"));
        f.v2().get("/v2/" + repo + "/referrers/" + subject.digest() + "?artifactType=application/other")
                .then()
                .statusCode(200)
                .header("OCI-Filters-Applied", "artifactType")
                .body("manifests", equalTo(List.of()));
        f.v2().get("/v2/" + repo + "/referrers/" + OciFixture.sha256("unknown"))
                .then()
                .statusCode(200)
                .body("manifests", equalTo(List.of()));
        String idx =
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"artifactType\":\"application/vnd.example.bundle\","
                        + "\"manifests\":[],\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
                        + subject.digest() + "\",\"size\":1}}";
        f.v2().contentType("application/vnd.oci.image.index.v1+json")
                .body(idx.getBytes())
                .put("/v2/" + repo + "/manifests/" + OciFixture.sha256(idx))
                .then()
                .statusCode(201)
                .header("OCI-Subject", subject.digest());
        f.v2().get("/v2/" + repo + "/referrers/" + subject.digest() + "?artifactType=application/vnd.example.bundle")
                .then()
                .statusCode(200)
                .body("manifests.digest", equalTo(List.of(OciFixture.sha256(idx))))
                .body("manifests[0].mediaType", equalTo("application/vnd.oci.image.index.v1+json"));
        f.v2().get("/v2/" + repo + "/referrers/sha256:bad").then().statusCode(400);
    }

    @Test
    void invalidNamesAndTagsGetClearErrors() {
        f.v2().get("/v2/MReg/App/tags/list").then().statusCode(400).body("errors[0].code", equalTo("NAME_INVALID"));
        f.v2().get("/v2/mreg/manifests/x")
                .then()
                .statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("<registry-name>/<repository>"));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(body)
                .put("/v2/" + repo + "/manifests/.bad")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("MANIFEST_INVALID"));
    }
}
