package io.mcremulator.server.oci;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Proxy-cache helpers over an {@link OciFixture}: caches, proxy registries, skopeo, and the upstream journal. */
final class ProxyCacheFixture {
    final OciFixture f;

    ProxyCacheFixture(OciFixture f) {
        this.f = f;
    }

    /** Creates a proxy cache; {@code key}/{@code secret} may be null (anonymous). Returns its id. */
    String createCache(String name, String provider, String url, String key, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("provider", provider);
        body.put("url", url);
        if (key != null) body.put("access_key", key);
        if (secret != null) body.put("access_secret", secret);
        return f.mgmt()
                .body(body)
                .post("/v0/proxy-caches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Creates a registry bound to proxy cache {@code cacheId}; returns its id. */
    String createProxyRegistry(String name, String cacheId) {
        return f.mgmt()
                .body(Map.of("name", name, "proxy_cache_id", cacheId))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Upstream calls of one kind in the journal ({@code upstreamManifestGet}, {@code upstreamBlobGet} ...). */
    List<Map<String, Object>> upstreamCalls(String operationId) {
        return f.control()
                .queryParam("operationId", operationId)
                .get("/_emulator/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("requests");
    }

    /** Upstream GETs of blob {@code digest}. */
    long blobFetches(String digest) {
        return upstreamCalls("upstreamBlobGet").stream()
                .filter(e -> String.valueOf(e.get("path")).endsWith("/blobs/" + digest))
                .count();
    }

    void clearJournal() {
        f.control().delete("/_emulator/requests").then().statusCode(204);
    }

    /** The registry's repositories (v1). */
    JsonPath repositories(String registryId) {
        return f.mgmt()
                .get("/v1/registries/" + registryId + "/repositories")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** One image of the registry's only repository named {@code repository}, by digest or tag. */
    JsonPath image(String registryId, String repository, String digestOrTag) {
        JsonPath repos = repositories(registryId);
        int i = repos.getList("results.name").indexOf(repository);
        if (i < 0) throw new AssertionError("no repository " + repository + " in " + repos.prettify());
        String repoId = repos.getString("results[" + i + "].id");
        return f.mgmt()
                .get("/v1/registries/" + registryId + "/repositories/" + repoId + "/images/" + digestOrTag
                        + "?expand=extra_attr")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    long storageUsage(String registryId) {
        return f.mgmt()
                .get("/v0/registries/" + registryId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("storage_usage_bytes");
    }

    static Cli.Result skopeo(String... args) {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, null, null, 120);
    }

    /** skopeo copy of an image into a plain-HTTP registry without auth (the distribution upstream). */
    static void pushAnonymous(TestImage image, String reference) {
        skopeo("copy", "--dest-tls-verify=false", image.source(), "docker://" + reference)
                .ok();
    }

    /** An image pushed straight over HTTP to an upstream without auth. */
    record RawImage(String digest, String config, String layer, long size) {}

    /** Pushes a config, a layer of {@code layer} bytes and an OCI manifest under {@code tag} to {@code baseUrl}. */
    static RawImage pushRaw(String baseUrl, String repository, String tag, byte[] layer) {
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                        + "\"diff_ids\":[]},\"n\":" + layer.length + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String cd = pushRawBlob(baseUrl, repository, config);
        String ld = pushRawBlob(baseUrl, repository, layer);
        String manifest = OciFixture.manifest(cd, config.length, ld, layer.length);
        io.restassured.RestAssured.given()
                .baseUri(baseUrl)
                .contentType("application/vnd.oci.image.manifest.v1+json")
                .body(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/v2/" + repository + "/manifests/" + tag)
                .then()
                .statusCode(201);
        return new RawImage(
                OciFixture.sha256(manifest), cd, ld, manifest.length() + config.length + (long) layer.length);
    }

    private static String pushRawBlob(String baseUrl, String repository, byte[] content) {
        String digest = OciFixture.sha256(content);
        String location = io.restassured.RestAssured.given()
                .baseUri(baseUrl)
                .post("/v2/" + repository + "/blobs/uploads/")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        io.restassured.RestAssured.given()
                .urlEncodingEnabled(false)
                .contentType("application/octet-stream")
                .body(content)
                .put(location + (location.contains("?") ? "&" : "?") + "digest=" + digest)
                .then()
                .statusCode(201);
        return digest;
    }

    /** skopeo copy with credentials (an emulator upstream). */
    static void push(TestImage image, String reference, String creds) {
        skopeo("copy", "--dest-tls-verify=false", "--dest-creds", creds, image.source(), "docker://" + reference)
                .ok();
    }
}
