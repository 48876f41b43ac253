package io.mcremulator.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.Main;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect 9, against a real process (the standalone runner's main): SIGTERM stops accepting at once, lets
 * the requests in flight finish (bodies still arriving, requests waiting on a delay fault), then exits. The same under
 * load, with the packaged jar: {@code persist.SigtermDrainUnderLoadProcessIT}.
 */
class SigtermDrainTest {
    private static final Pattern READY = Pattern.compile("ready on (http://[^ ]+)");
    private static final String KEY = UUID.randomUUID().toString();

    private static Process start() throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--port",
                        "0",
                        "--shutdown-grace-seconds",
                        "60")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** A create whose body is only half sent: in flight until {@link #finish} sends the rest. */
    private record HalfSent(Socket socket, String rest) {}

    private static HalfSent startCreate(int port, String name) throws IOException {
        String body = "{\"name\":\"" + name + "\"}";
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(60_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /v0/registries HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + KEY
                        + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                        + body.length() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // "100 Continue" comes when the handler starts reading the body: the request is in flight from here
        String interim = readHead(s.getInputStream());
        assertThat(interim).startsWith("HTTP/1.1 100");
        int half = body.length() / 2;
        out.write(body.substring(0, half).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return new HalfSent(s, body.substring(half));
    }

    private static String finish(HalfSent h) throws IOException {
        h.socket().getOutputStream().write(h.rest().getBytes(StandardCharsets.ISO_8859_1));
        h.socket().getOutputStream().flush();
        String head = readHead(h.socket().getInputStream());
        h.socket().close();
        return head;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) break;
            b.write(c);
            String s = b.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) return s;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean refusesConnections(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void sigtermLetsRequestsInFlightFinishAndRefusesNewOnes() throws Exception {
        Process p = start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String base = null;
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                    break;
                }
            }
            assertThat(base).as("ready line").isNotNull();
            int port = URI.create(base).getPort();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/_emulator/faults"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"operationId\":\"getRegistries\",\"delayMs\":60000}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            List<CompletableFuture<HttpResponse<String>>> delayed = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                delayed.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/v0/registries"))
                                .header("X-API-Key", KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            String faults = base + "/_emulator/faults";
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!http.send(HttpRequest.newBuilder(URI.create(faults)).build(), HttpResponse.BodyHandlers.ofString())
                    .body()
                    .contains("\"delayedRequests\":20")) {
                assertThat(System.nanoTime())
                        .as("20 requests wait on the delay")
                        .isLessThan(end);
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // bounded poll: next check in 20 ms
            }
            List<HalfSent> uploads = new ArrayList<>();
            for (int i = 0; i < 5; i++) uploads.add(startCreate(port, "drain-" + i + "-" + KEY.substring(0, 8)));

            p.toHandle().destroy(); // SIGTERM

            end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!refusesConnections(port)) {
                assertThat(System.nanoTime()).as("new connections refused").isLessThan(end);
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // bounded poll: next check in 20 ms
            }
            for (HalfSent h : uploads) assertThat(finish(h)).startsWith("HTTP/1.1 201");
            for (CompletableFuture<HttpResponse<String>> f : delayed) {
                HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"results\"");
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out.lines().toList()).anyMatch(l -> l.contains("mcr-emulator stopped"));
        } finally {
            p.destroyForcibly();
        }
    }
}
