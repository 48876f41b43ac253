package io.mcremulator.server.persist;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A plain java.net.http client of one emulator, as one tenant: management calls with an unsigned JWT (the default
 * decode auth mode), /v2 pushes and pulls with the tenant's docker credentials (Basic). What the persistence tests
 * create, compare and pull with, against an in-process server or a real process.
 */
final class RegistryClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final String base;
    final String tenant;
    final String user;
    private final String jwt;
    private String basic;

    RegistryClient(String base, String tenant, String user) {
        this.base = base;
        this.tenant = tenant;
        this.user = user;
        this.jwt = JWT.create()
                .withClaim("tenant", "tenant." + tenant)
                .withSubject(user)
                .withClaim("email", user + "@example.com")
                .sign(Algorithm.HMAC256("not-checked-in-decode-mode"));
    }

    /** The same tenant against another base URL (the restarted server). */
    RegistryClient at(String otherBase) {
        return new RegistryClient(otherBase, tenant, user);
    }

    record Answer(int status, byte[] body, HttpResponse<byte[]> response) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Answer mgmt(String method, String path, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + jwt);
        if (jsonBody != null) b.header("Content-Type", "application/json");
        return send(b.method(
                method,
                jsonBody == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    Answer get(String path) {
        return mgmt("GET", path, null);
    }

    /** Creates a registry; returns its id. */
    String createRegistry(String name) {
        Answer a = mgmt("POST", "/v0/registries", "{\"name\":\"" + name + "\"}");
        if (a.status() != 201) throw new AssertionError("create " + name + ": " + a.status() + " " + a.text());
        return a.json().get("id").asText();
    }

    /** Fetches this tenant's docker credentials (creating the user) for /v2. */
    RegistryClient login() {
        JsonNode c = get("/v0/credentials").json();
        basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((c.get("username").asText() + ":"
                                        + c.get("password").asText())
                                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Answer v2(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", basic);
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POST + PUT (monolithic) upload; returns the digest. */
    String pushBlob(String name, byte[] content) {
        String digest = sha256(content);
        Answer start = v2("POST", "/v2/" + name + "/blobs/uploads/", null, null);
        if (start.status() != 202) throw new AssertionError("upload start: " + start.status() + " " + start.text());
        String location = start.header("Location");
        String sep = location.contains("?") ? "&" : "?";
        Answer put = v2("PUT", location + sep + "digest=" + digest, "application/octet-stream", content);
        if (put.status() != 201) throw new AssertionError("upload put: " + put.status() + " " + put.text());
        return digest;
    }

    /** A config and one layer, then an OCI manifest under {@code tag}; returns the manifest's digest. */
    Pushed pushImage(String name, String tag, byte[] layer) {
        byte[] config =
                ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},"
                                + "\"x\":\"" + sha256(layer) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        String cd = pushBlob(name, config);
        String ld = pushBlob(name, layer);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + cd
                + "\",\"size\":" + config.length + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + ld
                + "\",\"size\":" + layer.length + "}]}";
        Answer put = v2(
                "PUT",
                "/v2/" + name + "/manifests/" + tag,
                "application/vnd.oci.image.manifest.v1+json",
                manifest.getBytes(StandardCharsets.UTF_8));
        if (put.status() != 201) throw new AssertionError("manifest put: " + put.status() + " " + put.text());
        return new Pushed(put.header("Docker-Content-Digest"), manifest, cd, ld);
    }

    record Pushed(String digest, String manifest, String configDigest, String layerDigest) {}

    private static Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
}
