package io.mcremulator.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.routing.RouteTable;
import io.mcremulator.server.support.Caller;
import io.mcremulator.server.support.RawSocketHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The campaign of issue 11, in the build: {@value #DEFAULT_REQUESTS} malformed requests per run (more with
 * {@code -Dmcr.fuzz.requests=N}) over every route of the table (management, /v2, the token endpoint, /_emulator),
 * one in six of them broken framing over a raw socket. Asserted for every answer: never a 5xx, never a dropped
 * connection; every error in its plane's format (MCR {@code {slug,message,detail}}, OCI {@code {"errors":[...]}}).
 * Asserted around every refused request whose method could change state: the exported state is what it was. The seed is printed; {@code -Dmcr.fuzz.seed=S} replays a run exactly (requests are sent one
 * after the other).
 */
class FuzzCampaignTest {
    static final int DEFAULT_REQUESTS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "0f0f0f0f-0000-4000-8000-00000000f022";
    private static final String USER = "0f0f0f0f-0000-4000-8000-0000000000u1".replace("u1", "01");
    private static final String PASSWORD = "fuzz-docker-password";
    private static final String API_KEY = "0f0f0f0f-0000-4000-8000-0000000000a1";

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> perFamily = new TreeMap<>();
    private final Map<Integer, Integer> perStatus = new TreeMap<>();
    private int compared;
    private int accepted;

    @Test
    void malformedRequestsGetA4xxInTheirPlanesFormatAndChangeNothing() throws Exception {
        long seed = Long.getLong("mcr.fuzz.seed", new SecureRandom().nextLong());
        int total = Integer.getInteger("mcr.fuzz.requests", DEFAULT_REQUESTS);
        System.out.println("fuzz campaign: seed=" + seed + ", requests=" + total + " (replay with -Dmcr.fuzz.seed="
                + seed + " -Dmcr.fuzz.requests=" + total + ")");
        try (McrEmulatorServer server = McrEmulatorServer.builder().build().start()) {
            int port = server.port();
            reseed(port);
            FuzzGenerator gen = new FuzzGenerator(new Random(seed), known(), RouteTable.operations());
            JsonNode current = state(port, "the seed");
            for (int i = 0; i < total && failures.size() < 20; i++) {
                FuzzRequest req = gen.next();
                RawSocketHttp.Answer a = RawSocketHttp.send(port, req.isRaw() ? req.raw() : bytes(req));
                perFamily.merge(req.family().equals("any") ? "raw request line" : req.family(), 1, Integer::sum);
                perStatus.merge(a.status(), 1, Integer::sum);
                check(i, req, a);
                boolean success = a.status() >= 200 && a.status() < 400;
                if (success && req.path().toLowerCase().startsWith("/_emulator/faults")) {
                    // a fuzzed rule that happened to be valid would make the next answers faulty by design
                    RawSocketHttp.send(
                            port, "DELETE /_emulator/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                }
                // an accepted request may change state by design (a pull sets pulled_at): take the state anew
                if (!success && !mayChangeState(req)) continue;
                JsonNode now = state(port, "#" + i + " " + req.describe() + " -> " + a.status());
                if (!success) {
                    compared++;
                    if (!now.equals(current)) {
                        failures.add("a refused request changed the state: #" + i + " " + req.describe() + " -> "
                                + a.status() + " " + abbreviate(a.body()));
                    }
                }
                current = now;
                if (success && ++accepted % 100 == 0) { // keep the seeded state the requests aim at
                    reseed(port);
                    current = state(port, "a reseed");
                }
            }
        }
        System.out.println("fuzz campaign: answers by status " + perStatus + ", requests by family " + perFamily
                + "; state compared around " + compared + " refused requests that could have changed it");
        assertThat(failures)
                .as("fuzz seed " + seed + " (replay with -Dmcr.fuzz.seed=" + seed + ")")
                .isEmpty();
        assertThat(perFamily.keySet()).contains("management", "v2", "token", "control");
        assertThat(compared).as("refused state-changing requests checked").isGreaterThan(total / 4);
        assertThat(perFamily.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(total);
    }

    private void check(int i, FuzzRequest req, RawSocketHttp.Answer a) {
        String where = "#" + i + " " + req.describe() + " -> " + a.status() + " " + abbreviate(a.body());
        if (a.status() < 0) {
            failures.add("no answer (connection closed or cut): " + where);
            return;
        }
        if (a.status() >= 500) {
            failures.add("5xx: " + where);
            return;
        }
        if (a.status() < 400 || req.method().equals("HEAD")) return;
        String type = a.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            failures.add("error without a JSON body (Content-Type " + type + "): " + where);
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(a.body());
        } catch (Exception e) {
            failures.add("error body is not JSON: " + where);
            return;
        }
        boolean oci = body.path("errors").isArray()
                && body.path("errors").size() > 0
                && body.path("errors").get(0).path("code").isTextual()
                && body.path("errors").get(0).path("message").isTextual();
        boolean mcr = body.path("slug").isTextual()
                && body.path("message").isTextual()
                && body.path("detail").isObject();
        boolean ok = req.family().equals("any") ? oci || mcr : req.ociPlane() ? oci : mcr;
        if (!ok) failures.add("error not in its plane's format (" + (req.ociPlane() ? "OCI" : "MCR") + "): " + where);
    }

    /** Requests whose method may change state: around each refused one, the state is exported and compared. */
    private static boolean mayChangeState(FuzzRequest req) {
        String m = req.method();
        if (req.isRaw()) return true;
        if (m.equals("HEAD") || m.equals("OPTIONS")) return false;
        if (m.equals("GET")) return req.path().contains("credentials"); // the first read creates the docker pair
        return true;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static byte[] bytes(FuzzRequest req) {
        StringBuilder head = new StringBuilder()
                .append(req.method())
                .append(' ')
                .append(req.target())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String[] h : req.headers())
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        byte[] body = req.body() == null ? new byte[0] : req.body();
        if (req.body() != null)
            head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The exported state; {@code after}: what was sent last, said when the export itself fails. */
    private static JsonNode state(int port, String after) throws Exception {
        RawSocketHttp.Answer a = RawSocketHttp.send(
                port, "GET /_emulator/export HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(a.status())
                .as("export after " + after + ": " + a.headers() + " " + abbreviate(a.body()))
                .isEqualTo(200);
        ObjectNode doc = (ObjectNode) JSON.readTree(a.body());
        doc.remove("exported_at");
        return doc;
    }

    private static final String REGISTRY_A = "0f0f0f0f-0000-4000-8000-0000000000b1";
    private static final String REGISTRY_B = "0f0f0f0f-0000-4000-8000-0000000000b2";
    private static final String REPOSITORY = "0f0f0f0f-0000-4000-8000-0000000000c1";
    private static final String PROXY_CACHE = "0f0f0f0f-0000-4000-8000-0000000000d1";
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    private static void reseed(int port) {
        String seed = "{\"users\":[{\"tenant\":\"" + TENANT + "\",\"id\":\"" + USER + "\",\"password\":\"" + PASSWORD
                + "\",\"api_key\":\"" + API_KEY + "\"}],"
                + "\"proxy_caches\":[{\"tenant\":\"" + TENANT + "\",\"id\":\"" + PROXY_CACHE
                + "\",\"name\":\"fuzz-hub\",\"provider\":\"docker-hub\",\"url\":\"https://hub.docker.com\"}],"
                + "\"registries\":[{\"tenant\":\"" + TENANT + "\",\"id\":\"" + REGISTRY_A + "\",\"name\":\"fuzz-a\","
                + "\"repositories\":[{\"id\":\"" + REPOSITORY + "\",\"name\":\"team/app\",\"images\":[{\"digest\":\""
                + DIGEST + "\",\"size_bytes\":10,\"tags\":[\"latest\",\"1.0\"]}]}]},"
                + "{\"tenant\":\"" + TENANT + "\",\"id\":\"" + REGISTRY_B + "\",\"name\":\"fuzz-b\"}]}";
        RawSocketHttp.send(port, "POST /_emulator/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        RawSocketHttp.send(port, "DELETE /_emulator/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        RawSocketHttp.Answer a = RawSocketHttp.send(
                port,
                "POST /_emulator/seed HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json"
                        + "\r\nContent-Length: " + seed.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + seed);
        assertThat(a.status()).as("seed: " + a.body()).isEqualTo(204);
    }

    private static FuzzGenerator.Known known() {
        return new FuzzGenerator.Known(
                List.of(REGISTRY_A, REGISTRY_B),
                List.of("fuzz-a", "fuzz-b"),
                List.of(REPOSITORY),
                List.of("team/app", "team", "app"),
                List.of(DIGEST, "latest", "1.0"),
                List.of(PROXY_CACHE),
                "Bearer " + Caller.jwt(TENANT, USER, "fuzz@example.com", null),
                API_KEY,
                Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
