package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blob uploads over /v2: sessions, streamed and ranged PATCH, closing PUT, monolithic POST, mounts, cancel. */
class OciBlobUploadTest {
    OciFixture f;
    final String repo = "blobreg/app";

    @BeforeEach
    void start() {
        f = new OciFixture();
        f.createRegistry("blobreg");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void postOpensASessionWithRelativeLocationUuidAndEmptyRange() {
        var r = f.v2().post("/v2/" + repo + "/blobs/uploads/");
        r.then()
                .statusCode(202)
                .header("Range", "0-0")
                .header("Content-Length", "0")
                .header("Docker-Distribution-Api-Version", "registry/2.0");
        assertThat(r.header("Location"))
                .startsWith("/v2/" + repo + "/blobs/uploads/")
                .endsWith(r.header("Docker-Upload-UUID"));
    }

    @Test
    void streamedPatchAnswersRangeOfLastByteThenPutStoresBlobReadableWithHeadAndGet() {
        byte[] data = "hello layer bytes".getBytes(StandardCharsets.UTF_8);
        String loc =
                f.v2().post("/v2/" + repo + "/blobs/uploads/").then().extract().header("Location");
        var patch = f.v2().contentType("application/octet-stream").body(data).patch(loc);
        patch.then().statusCode(202).header("Range", "0-" + (data.length - 1)).header("Location", loc);
        String digest = OciFixture.sha256(data);
        f.v2().put(patch.header("Location") + "?digest=" + digest)
                .then()
                .statusCode(201)
                .header("Location", "/v2/" + repo + "/blobs/" + digest)
                .header("Docker-Content-Digest", digest);
        f.v2().head("/v2/" + repo + "/blobs/" + digest)
                .then()
                .statusCode(200)
                .header("Content-Length", String.valueOf(data.length))
                .header("Docker-Content-Digest", digest)
                .header("Content-Type", "application/octet-stream");
        byte[] back = f.v2().get("/v2/" + repo + "/blobs/" + digest)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(back).isEqualTo(data);
    }

    @Test
    void contentRangeChunksInOrderWorkAndOutOfOrderGets416WithCurrentRange() {
        String loc =
                f.v2().post("/v2/" + repo + "/blobs/uploads/").then().extract().header("Location");
        f.v2().header("Content-Range", "0-3")
                .contentType("application/octet-stream")
                .body("abcd".getBytes())
                .patch(loc)
                .then()
                .statusCode(202)
                .header("Range", "0-3");
        f.v2().header("Content-Range", "10-13")
                .contentType("application/octet-stream")
                .body("zzzz".getBytes())
                .patch(loc)
                .then()
                .statusCode(416)
                .header("Range", "0-3")
                .header("Location", loc)
                .body("errors[0].code", equalTo("BLOB_UPLOAD_INVALID"));
        f.v2().get(loc).then().statusCode(204).header("Range", "0-3");
        f.v2().header("Content-Range", "4-7")
                .contentType("application/octet-stream")
                .body("efgh".getBytes())
                .patch(loc)
                .then()
                .statusCode(202)
                .header("Range", "0-7");
        String digest = OciFixture.sha256("abcdefgh");
        f.v2().put(loc + "?digest=" + digest).then().statusCode(201);
        assertThat(f.v2().get("/v2/" + repo + "/blobs/" + digest).asString()).isEqualTo("abcdefgh");
    }

    @Test
    void aWrongDigestStoresNothingAndEndsTheSession() {
        String loc =
                f.v2().post("/v2/" + repo + "/blobs/uploads/").then().extract().header("Location");
        String wrong = OciFixture.sha256("something else");
        f.v2().contentType("application/octet-stream")
                .body("real content".getBytes())
                .put(loc + "?digest=" + wrong)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("DIGEST_INVALID"));
        f.v2().head("/v2/" + repo + "/blobs/" + wrong).then().statusCode(404);
        f.v2().head("/v2/" + repo + "/blobs/" + OciFixture.sha256("real content"))
                .then()
                .statusCode(404);
        f.v2().get(loc).then().statusCode(404).body("errors[0].code", equalTo("BLOB_UPLOAD_UNKNOWN"));
        assertThat(f.server.emulator().storageQuota().usedBytes()).isZero();
    }

    @Test
    void malformedDigestIs400DigestInvalidNot500() {
        f.v2().head("/v2/" + repo + "/blobs/sha256:xyz").then().statusCode(400);
        f.v2().get("/v2/" + repo + "/blobs/sha256:XYZ")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("DIGEST_INVALID"));
        String loc =
                f.v2().post("/v2/" + repo + "/blobs/uploads/").then().extract().header("Location");
        f.v2().put(loc + "?digest=md5:abc").then().statusCode(400).body("errors[0].code", equalTo("DIGEST_INVALID"));
        f.v2().put(loc).then().statusCode(400).body("errors[0].code", equalTo("DIGEST_INVALID"));
    }

    @Test
    void monolithicPostWithDigestStoresInOneRequest() {
        byte[] data = "one shot".getBytes();
        String digest = OciFixture.sha256(data);
        f.v2().contentType("application/octet-stream")
                .body(data)
                .post("/v2/" + repo + "/blobs/uploads/?digest=" + digest)
                .then()
                .statusCode(201)
                .header("Docker-Content-Digest", digest);
        f.v2().head("/v2/" + repo + "/blobs/" + digest)
                .then()
                .statusCode(200)
                .header("Content-Length", String.valueOf(data.length));
    }

    @Test
    void monolithicPostWithAWrongDigestStoresNothing() {
        byte[] data = "one shot".getBytes();
        String wrong = OciFixture.sha256("other");
        f.v2().contentType("application/octet-stream")
                .body(data)
                .post("/v2/" + repo + "/blobs/uploads/?digest=" + wrong)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("DIGEST_INVALID"));
        f.v2().head("/v2/" + repo + "/blobs/" + OciFixture.sha256(data)).then().statusCode(404);
        assertThat(f.server.emulator().storageQuota().usedBytes()).isZero();
    }

    @Test
    void responsesAreNeverCompressedAndHeadErrorsHaveNoBody() {
        byte[] data = new byte[64 * 1024];
        new java.util.Random(3).nextBytes(data);
        String digest = f.pushBlob(repo, data);
        var r = f.v2().header("Accept-Encoding", "gzip").get("/v2/" + repo + "/blobs/" + digest);
        r.then().statusCode(200).header("Content-Length", String.valueOf(data.length));
        assertThat(r.header("Content-Encoding")).isNull();
        var head = f.v2().head("/v2/" + repo + "/blobs/" + OciFixture.sha256("absent"));
        head.then().statusCode(404);
        assertThat(head.asByteArray()).isEmpty();
    }

    @Test
    void sha512DigestsAreVerifiedToo() {
        byte[] data = "sha512 content".getBytes();
        String loc =
                f.v2().post("/v2/" + repo + "/blobs/uploads/").then().extract().header("Location");
        String d512;
        try {
            d512 = "sha512:"
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-512")
                                    .digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        f.v2().contentType("application/octet-stream")
                .body(data)
                .put(loc + "?digest=" + d512)
                .then()
                .statusCode(201);
        f.v2().head("/v2/" + repo + "/blobs/" + d512).then().statusCode(200);

        // Chunked upload closed with a sha512: the digest covers every chunk.
        byte[] big = new byte[300_000];
        new java.util.Random(7).nextBytes(big);
        String chunked =
                f.v2().post("/v2/" + repo + "/blobs/uploads/").then().extract().header("Location");
        chunked = f.v2().contentType("application/octet-stream")
                .body(java.util.Arrays.copyOfRange(big, 0, 100_000))
                .patch(chunked)
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        chunked = f.v2().contentType("application/octet-stream")
                .body(java.util.Arrays.copyOfRange(big, 100_000, big.length))
                .patch(chunked)
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        String big512;
        try {
            big512 = "sha512:"
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-512")
                                    .digest(big));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        f.v2().put(chunked + (chunked.contains("?") ? "&" : "?") + "digest=" + big512)
                .then()
                .statusCode(201);
        assertThat(f.v2().get("/v2/" + repo + "/blobs/" + big512).asByteArray()).isEqualTo(big);
    }

    @Test
    void mountFromAnotherRepositoryLinksTheBlobAndUnknownSourceFallsBackToASession() {
        String digest = f.pushBlob(repo, "shared layer".getBytes());
        f.v2().post("/v2/blobreg/other/blobs/uploads/?mount=" + digest + "&from=" + repo)
                .then()
                .statusCode(201)
                .header("Docker-Content-Digest", digest)
                .header("Location", "/v2/blobreg/other/blobs/" + digest);
        f.v2().head("/v2/blobreg/other/blobs/" + digest).then().statusCode(200);
        var fallback =
                f.v2().post("/v2/blobreg/third/blobs/uploads/?mount=" + OciFixture.sha256("nope") + "&from=" + repo);
        fallback.then().statusCode(202);
        assertThat(fallback.header("Location"))
                .startsWith("/v2/blobreg/third/blobs/uploads/")
                .doesNotContain("mount");
        f.v2().post("/v2/blobreg/fourth/blobs/uploads/?mount=" + digest).then().statusCode(201); // anonymous mount
    }

    @Test
    void unknownUploadIs404AndCancelFreesTheSession() {
        f.v2().get("/v2/" + repo + "/blobs/uploads/does-not-exist")
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("BLOB_UPLOAD_UNKNOWN"));
        f.v2().contentType("application/octet-stream")
                .body("x".getBytes())
                .patch("/v2/" + repo + "/blobs/uploads/nope")
                .then()
                .statusCode(404);
        String loc =
                f.v2().post("/v2/" + repo + "/blobs/uploads/").then().extract().header("Location");
        f.v2().contentType("application/octet-stream")
                .body("partial".getBytes())
                .patch(loc)
                .then()
                .statusCode(202);
        assertThat(f.server.emulator().storageQuota().usedBytes()).isEqualTo(7);
        f.v2().delete(loc).then().statusCode(204);
        f.v2().get(loc).then().statusCode(404);
        assertThat(f.server.emulator().storageQuota().usedBytes()).isZero();
    }

    @Test
    void rangeGetAnswers206WithContentRangeAndUnsatisfiableIs416() {
        String digest = f.pushBlob(repo, "0123456789".getBytes());
        f.v2().header("Range", "bytes=2-5")
                .get("/v2/" + repo + "/blobs/" + digest)
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes 2-5/10")
                .header("Content-Length", "4")
                .body(equalTo("2345"));
        f.v2().header("Range", "bytes=-3")
                .get("/v2/" + repo + "/blobs/" + digest)
                .then()
                .statusCode(206)
                .body(equalTo("789"));
        f.v2().header("Range", "bytes=20-30")
                .get("/v2/" + repo + "/blobs/" + digest)
                .then()
                .statusCode(416)
                .header("Content-Range", "bytes */10");
    }

    @Test
    void blobDeleteUnlinksAndUnknownBlobIs404BlobUnknown() {
        String digest = f.pushBlob(repo, "to delete".getBytes());
        f.v2().delete("/v2/" + repo + "/blobs/" + digest).then().statusCode(202);
        f.v2().head("/v2/" + repo + "/blobs/" + digest).then().statusCode(404);
        f.v2().get("/v2/" + repo + "/blobs/" + digest)
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("BLOB_UNKNOWN"));
        f.v2().delete("/v2/" + repo + "/blobs/" + digest).then().statusCode(404);
    }

    @Test
    void chunkedRequestBodiesLargerThanOneMegabyteAreStreamed() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(big);
        String loc =
                f.v2().post("/v2/" + repo + "/blobs/uploads/").then().extract().header("Location");
        // java.net.http sends an InputStream publisher with Transfer-Encoding: chunked, as docker and Jib do.
        var client = java.net.http.HttpClient.newHttpClient();
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base() + loc))
                .header("Authorization", basic())
                .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(big)))
                .build();
        var resp = client.send(req, java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(resp.statusCode()).isEqualTo(202);
        assertThat(resp.headers().firstValue("Range")).contains("0-" + (big.length - 1));
        f.v2().put(loc + "?digest=" + OciFixture.sha256(big)).then().statusCode(201);
        f.v2().head("/v2/" + repo + "/blobs/" + OciFixture.sha256(big))
                .then()
                .header("Content-Length", String.valueOf(big.length));
    }

    private String basic() {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((f.username + ":" + f.password).getBytes(StandardCharsets.UTF_8));
    }
}
