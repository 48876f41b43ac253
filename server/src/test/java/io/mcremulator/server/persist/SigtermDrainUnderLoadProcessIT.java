package io.mcremulator.server.persist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 9 ("SIGTERM cuts requests in flight: empty replies, 64 socket errors under load"), against the
 * standalone jar as a real process: 48 clients hammer management reads, creates and /v2 manifest and blob reads over
 * keep-alive connections, 16 requests are held in flight by a delay fault, 4 creates have sent half their body and 4
 * downloads of a 24 MiB blob have read only their status line, when SIGTERM arrives. Once new connections are
 * refused, the half-sent creates finish their bodies and get 201, the downloads read the whole blob. Every answer the
 * clients get is complete and well formed (never a reset or end of stream inside an answer); the held requests are
 * answered; after the signal the clients fail only by connection refused, or by a connection closed before any byte
 * of an answer. The last case is the HTTP/1.1 race of a server closing a connection that carries no request (an idle
 * keep-alive one, or one not yet read): the client cannot tell it from a cut request, so the test asks the server
 * side: creates are part of the load, the server keeps a data dir, and after the restart no create that got no answer
 * exists (the server never ran a request it did not answer). An idempotent read that meets the race on a reused
 * connection is retried once on a new one, as HTTP clients do (RFC 9112, 9.3.1). The process exits 0 within the grace
 * period.
 */
class SigtermDrainUnderLoadProcessIT {
    private static final int GRACE_SECONDS = 30;
    private static final int WORKERS = 48;
    private static final int HELD = 16;
    private static final int SLOW = 4;
    private static final int BIG_BLOB_BYTES = 24 * 1024 * 1024; // more than the socket buffers hold

    @TempDir
    Path tmp;

    private EmulatorProcess start() throws Exception {
        return EmulatorProcess.start(
                tmp.resolve("logs"),
                "--data-dir",
                tmp.resolve("data").toString(),
                "--shutdown-grace-seconds",
                String.valueOf(GRACE_SECONDS));
    }

    /** One request of the load: {@code create} names the registry a POST creates (null for reads). */
    private record Req(String method, String path, String body, int expected, String create) {}

    /** How one exchange ended, as the client sees it. */
    private enum Outcome {
        COMPLETE, // a whole, well-formed answer
        EMPTY, // end of stream (FIN) before any byte of an answer
        RESET, // reset before any byte of an answer, or the request could not be written
        PARTIAL, // end of stream or reset inside an answer
        TIMEOUT
    }

    private record Answer(Outcome outcome, int status, Map<String, String> headers, byte[] body, int bytes) {
        boolean closes() {
            return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }
    }

    @Test
    void sigtermUnderLoadAnswersEveryAcceptedRequestWholeAndExitsZero() throws Exception {
        RegistryClient c;
        String registryId;
        RegistryClient.Pushed image;
        String basic;
        int port;
        AtomicBoolean sigtermSent = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger answeredAfterSigterm = new AtomicInteger();
        AtomicInteger refusedWorkers = new AtomicInteger();
        AtomicInteger racesRetried = new AtomicInteger();
        AtomicInteger emptyAfterSigterm = new AtomicInteger();
        Set<String> createdAcknowledged = ConcurrentHashMap.newKeySet();
        Set<String> createsUnanswered = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Integer exit;
        String stdout;
        try (EmulatorProcess p = start()) {
            port = URI.create(p.base).getPort();
            c = new RegistryClient(
                            p.base,
                            UUID.randomUUID().toString(),
                            UUID.randomUUID().toString())
                    .login();
            registryId = c.createRegistry("load");
            image = c.pushImage("load/app", "v1", new byte[64 * 1024]);
            byte[] big = new byte[BIG_BLOB_BYTES];
            new java.util.Random(9).nextBytes(big);
            String bigDigest = c.pushBlob("load/big", big);
            JsonNode creds = c.get("/v0/credentials").json();
            basic = "Basic "
                    + java.util.Base64.getEncoder()
                            .encodeToString((creds.get("username").asText() + ":"
                                            + creds.get("password").asText())
                                    .getBytes(StandardCharsets.UTF_8));
            String bearer = c.mgmt("GET", "/v0/registries", null)
                    .response()
                    .request()
                    .headers()
                    .firstValue("Authorization")
                    .orElseThrow();

            // requests held in flight: a delay fault on an operation the load does not use
            assertThat(c.mgmt("POST", "/_emulator/faults", "{\"operationId\":\"getProxyCaches\",\"delayMs\":60000}")
                            .status())
                    .isEqualTo(201);
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < HELD; i++) {
                Socket s = connect(port);
                held.add(s);
                write(s, request(new Req("GET", "/v0/proxy-caches", null, 200, null), bearer, basic));
            }
            await(
                    "the held requests wait on their delay",
                    () -> c.get("/_emulator/faults")
                                    .json()
                                    .get("delayedRequests")
                                    .asInt()
                            == HELD);

            // in flight for as long as the client wants: creates whose body is half sent (after "100 Continue"), and
            // downloads of a large blob read no further than their first bytes (the server's writes wait)
            List<Socket> halfSent = new ArrayList<>();
            for (int i = 0; i < SLOW; i++) halfSent.add(startCreate(port, bearer, "half-" + i));
            List<Socket> downloads = new ArrayList<>();
            for (int i = 0; i < SLOW; i++) {
                Socket s = connect(port);
                downloads.add(s);
                write(s, request(new Req("GET", "/v2/load/big/blobs/" + bigDigest, null, 200, null), bearer, basic));
                assertThat(new Counting(s.getInputStream()).requireLine()).startsWith("HTTP/1.1 200");
            }

            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                pool.submit(() -> {
                    Socket s = null;
                    boolean reused = false;
                    for (int i = 0; ; i++) {
                        Req r = load(worker, i, registryId, image);
                        boolean retried = false;
                        while (true) {
                            if (s == null) {
                                try {
                                    s = connect(port);
                                    reused = false;
                                } catch (ConnectException e) {
                                    if (!sigtermSent.get()) problems.add("connection refused before SIGTERM");
                                    refusedWorkers.incrementAndGet();
                                    return;
                                } catch (IOException e) {
                                    problems.add("connect failed: " + e);
                                    return;
                                }
                            }
                            Answer a = exchange(s, request(r, bearer, basic));
                            if (a.outcome() == Outcome.COMPLETE) {
                                if (a.status() != r.expected())
                                    problems.add(r.method() + " " + r.path() + ": " + a.status() + " "
                                            + new String(a.body(), StandardCharsets.UTF_8));
                                if (r.create() != null && a.status() == 201) createdAcknowledged.add(r.create());
                                answered.incrementAndGet();
                                if (sigtermSent.get()) answeredAfterSigterm.incrementAndGet();
                                if (a.closes()) s = close(s);
                                else reused = true;
                                break;
                            }
                            s = close(s);
                            outcomes.computeIfAbsent(
                                            (reused ? "reused " : "fresh ")
                                                    + a.outcome()
                                                    + (r.create() != null ? " create" : " read"),
                                            k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (a.outcome() != Outcome.EMPTY && a.outcome() != Outcome.RESET) {
                                problems.add(a.outcome() + " on " + r.method() + " " + r.path() + " after " + a.bytes()
                                        + " bytes" + (sigtermSent.get() ? " (after SIGTERM)" : ""));
                                return;
                            }
                            if (!sigtermSent.get()) {
                                problems.add(a.outcome() + " before SIGTERM on " + r.method() + " " + r.path());
                                return;
                            }
                            if (!reused && a.outcome() == Outcome.EMPTY) {
                                // a new connection, closed in order (FIN) with the request sent and no answer: the
                                // server accepted it and dropped it; one it never accepted is reset by the kernel
                                problems.add("empty reply on a new connection after SIGTERM on " + r.method() + " "
                                        + r.path());
                                return;
                            }
                            if (r.create() != null) {
                                createsUnanswered.add(r.create()); // a POST is not retried: the server side decides
                            } else if (reused && !retried) {
                                retried = true; // the idle keep-alive race: retry once on a new connection
                                racesRetried.incrementAndGet();
                                continue;
                            }
                            emptyAfterSigterm.incrementAndGet();
                            break;
                        }
                    }
                });
            }
            await("the load is under way", () -> answered.get() >= 1500 || !problems.isEmpty());
            assertThat(problems).as("before SIGTERM").isEmpty();

            sigtermSent.set(true);
            p.sigterm();

            await("new connections are refused", () -> refuses(port));
            for (int i = 0; i < SLOW; i++) {
                Socket s = halfSent.get(i);
                write(s, "\"}".getBytes(StandardCharsets.ISO_8859_1)); // the rest of {"name":"half-i"}
                Answer a = read(s.getInputStream());
                assertThat(a.outcome()).as("a half-sent create's answer").isEqualTo(Outcome.COMPLETE);
                assertThat(a.status())
                        .as(new String(a.body(), StandardCharsets.UTF_8))
                        .isEqualTo(201);
                createdAcknowledged.add("half-" + i);
                s.close();
            }
            for (Socket s : downloads) {
                Counting in = new Counting(s.getInputStream());
                long length = -1;
                for (String line; !(line = in.requireLine()).isEmpty(); )
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                        length = Long.parseLong(line.substring(15).trim());
                assertThat(length).isEqualTo(BIG_BLOB_BYTES);
                assertThat(in.exactly(BIG_BLOB_BYTES))
                        .as("a slow download, whole")
                        .isEqualTo(big);
                s.close();
            }
            for (Socket s : held) {
                Answer a = read(s.getInputStream());
                assertThat(a.outcome()).as("a held request's answer").isEqualTo(Outcome.COMPLETE);
                assertThat(a.status()).isEqualTo(200);
                assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains("\"results\"");
                s.close();
            }
            exit = p.waitForExit(GRACE_SECONDS);
            stdout = p.stdout();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(problems).as("what the clients saw").isEmpty();
        assertThat(exit).as("exit code within the grace period").isEqualTo(0);
        assertThat(stdout).contains("mcr-emulator stopped");
        assertThat(refusedWorkers.get())
                .as("every client ended on connection refused")
                .isEqualTo(WORKERS);
        System.out.printf(
                "drain under load: " + outcomes
                        + " %d answered (%d after SIGTERM), %d idle keep-alive races retried, %d closed"
                        + " before an answer after SIGTERM (%d of them creates), %d creates acknowledged%n",
                answered.get(),
                answeredAfterSigterm.get(),
                racesRetried.get(),
                emptyAfterSigterm.get(),
                createsUnanswered.size(),
                createdAcknowledged.size());

        try (EmulatorProcess again = start()) {
            JsonNode export = StateView.RegistryClientJson.read(
                    c.at(again.base).get("/_emulator/export").body());
            Set<String> names = new HashSet<>();
            for (JsonNode r : export.get("registries")) names.add(r.get("name").asText());
            assertThat(names).containsAll(createdAcknowledged);
            assertThat(createsUnanswered)
                    .as("creates the server ran but never answered")
                    .noneMatch(names::contains);
            again.stop();
        }
    }

    /** Worker {@code w}'s {@code i}th request: a mix of management reads and creates and /v2 reads. */
    private static Req load(int w, int i, String registryId, RegistryClient.Pushed image) {
        return switch ((w + i) % 5) {
            case 0 -> new Req("GET", "/v0/registries?_limit=50", null, 200, null);
            case 1 -> new Req("GET", "/v0/registries/" + registryId, null, 200, null);
            case 2 -> new Req("GET", "/v2/load/app/manifests/v1", null, 200, null);
            case 3 -> new Req("GET", "/v2/load/app/blobs/" + image.layerDigest(), null, 200, null);
            default -> {
                String name = "w" + w + "-" + i;
                yield new Req("POST", "/v0/registries", "{\"name\":\"" + name + "\"}", 201, name);
            }
        };
    }

    private static byte[] request(Req r, String bearer, String basic) {
        StringBuilder b =
                new StringBuilder(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        b.append("Authorization: ")
                .append(r.path().startsWith("/v2/") ? basic : bearer)
                .append("\r\n");
        if (r.path().startsWith("/v2/")) b.append("Accept: application/vnd.oci.image.manifest.v1+json\r\n");
        byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
        if (r.body() != null) b.append("Content-Type: application/json\r\n");
        if (r.body() != null || r.method().equals("POST"))
            b.append("Content-Length: ").append(body.length).append("\r\n");
        b.append("\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** A create whose body is half sent: in flight (its handler reads the body) until the rest is written. */
    private static Socket startCreate(int port, String bearer, String name) throws IOException {
        String body = "{\"name\":\"" + name + "\"}";
        Socket s = connect(port);
        write(
                s,
                ("POST /v0/registries HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer
                                + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                                + body.length() + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        Counting in = new Counting(s.getInputStream());
        assertThat(in.requireLine()).startsWith("HTTP/1.1 100"); // sent when the handler starts reading the body
        while (!in.requireLine().isEmpty()) {}
        write(s, body.substring(0, body.length() - 2).getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    private static boolean refuses(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(60_000);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static Socket close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
        return null;
    }

    private static void write(Socket s, byte[] request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request);
        out.flush();
    }

    /** Sends one request and reads its answer; a request that cannot be written is an {@code EMPTY} outcome. */
    private static Answer exchange(Socket s, byte[] request) {
        try {
            write(s, request);
        } catch (IOException e) {
            return new Answer(Outcome.RESET, 0, Map.of(), new byte[0], 0);
        }
        return read(inputOf(s));
    }

    private static InputStream inputOf(Socket s) {
        try {
            return s.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads one answer (head, then a Content-Length or chunked body) and says how it ended. */
    private static Answer read(InputStream raw) {
        Counting in = new Counting(raw);
        try {
            String status = in.line();
            if (status == null) return new Answer(Outcome.EMPTY, 0, Map.of(), new byte[0], 0);
            if (!status.startsWith("HTTP/1.1 ")) return partial(in, "bad status line " + status);
            int code = Integer.parseInt(status.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line; !(line = in.requireLine()).isEmpty(); ) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size;
                        (size = Integer.parseInt(in.requireLine().split(";")[0].trim(), 16)) > 0; ) {
                    body.write(in.exactly(size));
                    if (!in.requireLine().isEmpty()) return partial(in, "bad chunk end");
                }
                while (!in.requireLine().isEmpty()) {} // trailers
            } else {
                String length = headers.get("content-length");
                if (length == null) return partial(in, "no length");
                body.write(in.exactly(Integer.parseInt(length)));
            }
            return new Answer(Outcome.COMPLETE, code, headers, body.toByteArray(), in.count);
        } catch (SocketTimeoutException e) {
            return new Answer(Outcome.TIMEOUT, 0, Map.of(), new byte[0], in.count);
        } catch (IOException | RuntimeException e) {
            if (in.count == 0) return new Answer(Outcome.RESET, 0, Map.of(), new byte[0], 0);
            return new Answer(Outcome.PARTIAL, 0, Map.of(), new byte[0], in.count);
        }
    }

    private static Answer partial(Counting in, String why) {
        return new Answer(Outcome.PARTIAL, 0, Map.of("why", why), new byte[0], Math.max(1, in.count));
    }

    /** An input stream that counts what it read, to tell an empty reply from one cut inside. */
    private static final class Counting {
        private final InputStream in;
        int count;

        Counting(InputStream in) {
            this.in = in;
        }

        /** A line without CRLF; null at end of stream before any byte of it. */
        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                int ch = in.read();
                if (ch < 0) {
                    if (b.size() == 0) return null;
                    throw new IOException("end of stream inside a line");
                }
                count++;
                if (ch == '\n') break;
                if (ch != '\r') b.write(ch);
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        String requireLine() throws IOException {
            String l = line();
            if (l == null) throw new IOException("end of stream inside an answer");
            return l;
        }

        byte[] exactly(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            count += b.length;
            if (b.length < n) throw new IOException("end of stream inside a body");
            return b;
        }
    }

    /** Polls every 20 ms, for at most 60 s. */
    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out (60 s) waiting until " + what);
            LockSupport.parkNanos(20_000_000L);
        }
    }
}
