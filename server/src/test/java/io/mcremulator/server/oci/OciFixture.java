package io.mcremulator.server.oci;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * A running emulator plus one tenant with a registry and docker credentials: what every /v2 test starts from.
 * Management calls use an unsigned JWT (the server's default DECODE auth mode).
 */
final class OciFixture implements AutoCloseable {
    final McrEmulatorServer server;
    final String tenant = UUID.randomUUID().toString();
    final String user = UUID.randomUUID().toString();
    final String jwt;
    final String username;
    String password;

    OciFixture() {
        this(McrEmulatorServer.builder());
    }

    OciFixture(McrEmulatorServer.Builder builder) {
        server = builder.build().start();
        jwt = jwt(tenant, user);
        JsonPath creds =
                mgmt().get("/v0/credentials").then().statusCode(200).extract().jsonPath();
        username = creds.getString("username");
        password = creds.getString("password");
    }

    static OciFixture withEngine(EmulatorConfig engine) {
        return new OciFixture(McrEmulatorServer.builder().engine(engine));
    }

    static String jwt(String tenant, String user) {
        return JWT.create()
                .withClaim("tenant", "tenant." + tenant)
                .withSubject(user)
                .withClaim("email", user + "@example.com")
                .sign(Algorithm.HMAC256("test-secret-not-checked"));
    }

    String base() {
        return server.baseUrl();
    }

    /** Management API as this tenant; its answers are checked against the OpenAPI files like every API test's. */
    RequestSpecification mgmt() {
        return RestAssured.given()
                .filter(io.mcremulator.server.contract.ContractFilter.INSTANCE)
                .baseUri(base())
                .header("Authorization", "Bearer " + jwt)
                .contentType("application/json");
    }

    /** /v2 with this tenant's docker credentials (plain Basic). */
    RequestSpecification v2() {
        return RestAssured.given()
                .baseUri(base())
                .auth()
                .preemptive()
                .basic(username, password)
                .urlEncodingEnabled(false);
    }

    /** The /_emulator control API (JSON bodies). */
    RequestSpecification control() {
        return RestAssured.given().baseUri(base()).contentType("application/json");
    }

    String createRegistry(String name) {
        return mgmt().body(Map.of("name", name))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Uploads a blob with POST + PUT (monolithic in the PUT) and returns its digest. */
    String pushBlob(String name, byte[] content) {
        String digest = sha256(content);
        String location = v2().post("/v2/" + name + "/blobs/uploads/")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        v2().contentType("application/octet-stream")
                .body(content)
                .put(location + "?digest=" + digest)
                .then()
                .statusCode(201);
        return digest;
    }

    /** Pushes a config and a layer, then an OCI manifest under {@code tag}; returns the manifest digest. */
    Pushed pushImage(String name, String tag, String layerText) {
        byte[] config =
                ("{\"architecture\":\"arm64\",\"os\":\"linux\",\"created\":\"2024-05-15T19:56:47Z\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"x\":\""
                                + layerText + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] layer = layerText.getBytes(StandardCharsets.UTF_8);
        String cd = pushBlob(name, config);
        String ld = pushBlob(name, layer);
        String manifest = manifest(cd, config.length, ld, layer.length);
        Response r = v2().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(manifest.getBytes(StandardCharsets.UTF_8))
                .put("/v2/" + name + "/manifests/" + tag);
        r.then().statusCode(201);
        return new Pushed(r.header("Docker-Content-Digest"), manifest, config.length, layer.length);
    }

    record Pushed(String digest, String manifest, int configSize, int layerSize) {
        long sizeBytes() {
            return manifest.getBytes(StandardCharsets.UTF_8).length + configSize + layerSize;
        }
    }

    static String manifest(String configDigest, long configSize, String layerDigest, long layerSize) {
        return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + configSize + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\""
                + layerDigest + "\",\"size\":" + layerSize + "}]}";
    }

    static String sha256(byte[] b) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop();
    }
}
