package io.mcremulator.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code java -XX:ArchiveClassesAtExit=app.jsa -jar mcr-emulator.jar cds-training}: starts the server on a free
 * loopback port, sends the requests a typical test sends (health, credentials, create/list/get registries, an
 * error), stops and returns. The JVM then writes every class it loaded into a class-data archive that the Docker
 * image starts from (AppCDS), which is what makes the container healthy in well under a second.
 */
final class CdsTraining {
    private CdsTraining() {}

    static void run() throws Exception {
        McrEmulatorServer server =
                McrEmulatorServer.builder().host("127.0.0.1").port(0).build().start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = server.baseUrl();
            String mgmt = server.managementUrl(io.mcremulator.core.Region.DEFAULT);
            String token = "Bearer " + unsignedJwt();
            send(
                    http,
                    HttpRequest.newBuilder(URI.create(base + "/_emulator/health"))
                            .GET());
            send(
                    http,
                    HttpRequest.newBuilder(URI.create(mgmt + "/v0/credentials"))
                            .header("Authorization", token)
                            .GET());
            send(
                    http,
                    HttpRequest.newBuilder(URI.create(mgmt + "/v0/registries"))
                            .header("Authorization", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cds-training\"}")));
            send(
                    http,
                    HttpRequest.newBuilder(URI.create(mgmt + "/v0/registries?_limit=10&_sort=name:asc"))
                            .header("Authorization", token)
                            .GET());
            send(
                    http,
                    HttpRequest.newBuilder(URI.create(mgmt + "/v0/registries/not-a-uuid"))
                            .header("Authorization", token)
                            .GET());
            send(http, HttpRequest.newBuilder(URI.create(base + "/v2/")).GET());
            send(
                    http,
                    HttpRequest.newBuilder(URI.create(base + "/_emulator/reset"))
                            .POST(HttpRequest.BodyPublishers.noBody()));
        } finally {
            server.stop();
        }
    }

    private static void send(HttpClient http, HttpRequest.Builder request) throws Exception {
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String unsignedJwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"tenant\":\"pf.00000000-0000-4000-8000-00000000c0d5\","
                        + "\"sub\":\"00000000-0000-4000-8000-00000000c0d6\",\"email\":\"cds@users.mcr-emulator.local\"}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}
