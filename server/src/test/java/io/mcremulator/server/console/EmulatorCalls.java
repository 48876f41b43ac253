package io.mcremulator.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What a test's code under test would do, with java.net.http only: management calls as one tenant (API key), an
 * OCI push of a small image over /v2 with that tenant's docker credentials, and test-control calls.
 */
final class EmulatorCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    final String apiKey;

    EmulatorCalls(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Answer management(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", apiKey);
        if (json != null) b.header("Content-Type", "application/json");
        return send(b.method(method, body(json)).build());
    }

    /** Creates a registry and answers its id. */
    String createRegistry(String name) {
        Answer a = management("POST", "/v0/registries", "{\"name\":\"" + name + "\"}");
        if (a.status() != 201) throw new AssertionError("createRegistry " + name + ": " + a);
        return a.json().get("id").asText();
    }

    Answer control(String method, String path, String json) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        return send(b.method(method, body(json == null ? "{}" : json)).build());
    }

    /** A pushed manifest. */
    record Pushed(String digest, int size) {}

    /** Pushes a one-layer image as {@code registry/repository:tag} over /v2; answers the manifest's digest. */
    Pushed pushImage(String registry, String repository, String tag, String layerText) {
        String basic = basicAuth();
        String name = registry + "/" + repository;
        byte[] layer = layerText.getBytes(StandardCharsets.UTF_8);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                        + sha256(layer) + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
        uploadBlob(basic, name, layer);
        uploadBlob(basic, name, config);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + sha256(config) + "\",\"size\":" + config.length + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\""
                + sha256(layer) + "\",\"size\":" + layer.length + "}]}";
        return putManifest(basic, name, tag, "application/vnd.oci.image.manifest.v1+json", manifest);
    }

    /** Pushes an OCI index of {@code children} (each for the platform {@code os/arch}) as {@code tag}. */
    Pushed pushIndex(String registry, String repository, String tag, Pushed amd64, Pushed arm64) {
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + child(amd64, "amd64") + "," + child(arm64, "arm64") + "]}";
        return putManifest(
                basicAuth(), registry + "/" + repository, tag, "application/vnd.oci.image.index.v1+json", index);
    }

    private static String child(Pushed p, String arch) {
        return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + p.digest()
                + "\",\"size\":" + p.size() + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"" + arch + "\"}}";
    }

    private Pushed putManifest(String basic, String name, String tag, String type, String manifest) {
        Answer put = send(HttpRequest.newBuilder(URI.create(base + "/v2/" + name + "/manifests/" + tag))
                .header("Authorization", basic)
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(manifest))
                .build());
        if (put.status() != 201) throw new AssertionError("manifest PUT: " + put);
        byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
        return new Pushed(sha256(bytes), bytes.length);
    }

    private String basicAuth() {
        JsonNode creds = management("GET", "/v0/credentials", null).json();
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((creds.get("username").asText() + ":"
                                        + creds.get("password").asText())
                                .getBytes(StandardCharsets.UTF_8));
    }

    private void uploadBlob(String basic, String name, byte[] data) {
        Answer a =
                send(HttpRequest.newBuilder(URI.create(base + "/v2/" + name + "/blobs/uploads/?digest=" + sha256(data)))
                        .header("Authorization", basic)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(data))
                        .build());
        if (a.status() != 201) throw new AssertionError("blob upload: " + a);
    }

    static String sha256(byte[] data) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
