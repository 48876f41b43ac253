package io.mcremulator.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.support.Caller;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect 3: a request waiting on a {@code delayMs} fault ends when its client goes away, long before its
 * delay would: the waiting count ({@code delayedRequests} of {@code GET /_emulator/faults}) drops back at once, the
 * route's handler does not run, and the journal records it unanswered. A client that stays, or pipelines its next
 * request behind the delayed one (HTTP/1.1), is answered as usual, every request in order.
 */
class DelayedRequestClientGoneTest extends DelayFaultTestBase {
    /** How long a poll may wait: far less than the 60 s delays: a close noticed only when the delay ends fails. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static final long DELAY_MS = 60_000;

    private void delay(String rule) {
        control().body(rule).post("/_emulator/faults").then().statusCode(201);
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(30_000);
        return s;
    }

    private static void send(Socket s, String request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String get(String path, Caller c) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + c.bearer() + "\r\n\r\n";
    }

    @Test
    void aClientThatClosesEndsItsWaitAndNothingRuns() throws Exception {
        Caller c = Caller.random();
        String id = as(c).body("{\"name\":\"" + uniqueName("kept") + "\"}")
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        delay("{\"operationId\":\"deleteRegistry\",\"delayMs\":" + DELAY_MS + "}");
        try (Socket s = connect()) {
            send(
                    s,
                    "DELETE /v0/registries/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + c.bearer()
                            + "\r\n\r\n");
            await("the delete waits on its delay", BOUND, () -> delayed() == 1);
        } // the client goes away
        await("the wait of the closed client ended", BOUND, () -> delayed() == 0);
        control().delete("/_emulator/faults").then().statusCode(204);
        as(c).get("/v0/registries/" + id).then().statusCode(200); // the delete's handler never ran
        JsonPath journal = control()
                .get("/_emulator/requests?operationId=deleteRegistry")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(journal.getList("requests.status", Integer.class)).containsExactly(0);
    }

    @Test
    void twoHundredClientsThatCloseAllEndTheirWaits() throws Exception {
        Caller c = Caller.random();
        delay("{\"operationId\":\"getRegistries\",\"delayMs\":" + DELAY_MS + "}");
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = connect();
                clients.add(s);
                send(s, get("/v0/registries", c));
            }
            await("200 requests wait", BOUND, () -> delayed() == 200);
        } finally {
            for (Socket s : clients) s.close();
        }
        await("all 200 waits ended", BOUND, () -> delayed() == 0);
        as(c).get("/v0/proxy-caches").then().statusCode(200);
    }

    @Test
    void aClientThatStaysIsAnsweredAndItsConnectionServesTheNextRequest() throws Exception {
        Caller c = Caller.random();
        delay("{\"operationId\":\"getRegistries\",\"delayMs\":" + DELAY_MS + ",\"firstN\":1}");
        try (Socket s = connect()) {
            send(s, get("/v0/registries", c));
            await("the request waits", BOUND, () -> delayed() == 1);
            control().delete("/_emulator/faults").then().statusCode(204); // ends the wait
            InputStream in = s.getInputStream();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200").contains("\"results\"");
            send(s, get("/v0/registries", c)); // the same keep-alive connection
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200").contains("\"results\"");
        }
    }

    @Test
    void aRequestPipelinedBehindADelayedOneIsAnsweredAfterItInOrder() throws Exception {
        Caller c = Caller.random();
        String name = uniqueName("piped");
        as(c).body("{\"name\":\"" + name + "\"}").post("/v0/registries").then().statusCode(201);
        delay("{\"operationId\":\"getRegistries\",\"delayMs\":" + DELAY_MS + ",\"firstN\":1}");
        try (Socket s = connect()) {
            send(s, get("/v0/registries", c));
            await("the first request waits", BOUND, () -> delayed() == 1);
            // the next requests arrive while the first waits (what the watch of the connection reads)
            send(s, get("/v0/registries?name=" + name, c) + get("/v0/proxy-caches", c));
            assertThat(delayed()).isEqualTo(1); // not taken for a client going away: they wait their turn
            control().delete("/_emulator/faults").then().statusCode(204);
            InputStream in = s.getInputStream();
            String first = readAnswer(in);
            String second = readAnswer(in);
            String third = readAnswer(in);
            assertThat(first).startsWith("HTTP/1.1 200").contains("\"results\"");
            assertThat(second).startsWith("HTTP/1.1 200").contains("\"" + name + "\"");
            assertThat(third).startsWith("HTTP/1.1 200").contains("\"results\"");
            assertThat(first.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
            send(s, get("/v0/registries", c)); // and the connection stays usable
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200");
        }
    }

    /** One HTTP/1.1 answer: head, then a Content-Length or chunked body. Fails on end of stream before it ends. */
    static String readAnswer(InputStream in) throws IOException {
        String head = readLine(in);
        StringBuilder text = new StringBuilder(head).append("\r\n");
        long length = 0;
        boolean chunked = false;
        for (String line; !(line = readLine(in)).isEmpty(); ) {
            text.append(line).append("\r\n");
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:"))
                length = Long.parseLong(lower.substring(15).trim());
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        text.append("\r\n");
        if (!chunked)
            return text.append(new String(readN(in, length), StandardCharsets.UTF_8))
                    .toString();
        for (long size; (size = Long.parseLong(readLine(in).split(";")[0].trim(), 16)) > 0; ) {
            text.append(new String(readN(in, size), StandardCharsets.UTF_8));
            readLine(in);
        }
        readLine(in); // the empty line after the last chunk (no trailers)
        return text.toString();
    }

    private static byte[] readN(InputStream in, long n) throws IOException {
        byte[] b = in.readNBytes((int) n);
        if (b.length < n) throw new IOException("end of stream inside a body");
        return b;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int ch; (ch = in.read()) != '\n'; ) {
            if (ch < 0) throw new IOException("end of stream after: " + b.toString(StandardCharsets.ISO_8859_1));
            if (ch != '\r') b.write(ch);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
