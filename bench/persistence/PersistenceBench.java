import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cost of --data-dir (bench/persistence.sh runs it against each mode): for SECONDS seconds each, CREATE_THREADS
 * threads creating registries, then PUSH_THREADS threads pushing images (config + one LAYER_KB layer, monolithic
 * uploads, then the manifest) over /v2. Prints one line: mode, creates/s, create p50/p99 ms, pushes/s, push
 * p50/p99 ms. JDK only: {@code java PersistenceBench.java BASE_URL MODE}.
 */
public class PersistenceBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String mode = args[1];
        int seconds = Integer.parseInt(System.getenv().getOrDefault("SECONDS_EACH", "10"));
        int createThreads = Integer.parseInt(System.getenv().getOrDefault("CREATE_THREADS", "8"));
        int pushThreads = Integer.parseInt(System.getenv().getOrDefault("PUSH_THREADS", "4"));
        int layerKb = Integer.parseInt(System.getenv().getOrDefault("LAYER_KB", "256"));
        String tenant = UUID.randomUUID().toString();
        String jwt = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + b64("{\"tenant\":\"tenant." + tenant + "\",\"sub\":\"" + UUID.randomUUID() + "\"}") + ".x";
        // warm-up, then creates
        run(2, createThreads, (t, i) -> create(base, jwt, "w" + t + "-" + i));
        Result creates = run(seconds, createThreads, (t, i) -> create(base, jwt, "c" + t + "-" + i));
        String creds = send(HttpRequest.newBuilder(URI.create(base + "/v0/credentials"))
                .header("Authorization", "Bearer " + jwt)
                .build());
        String user = field(creds, "username"), password = field(creds, "password");
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        create(base, jwt, "pushes");
        run(2, pushThreads, (t, i) -> push(base, basic, "pushes/w" + t, i, layerKb));
        Result pushes = run(seconds, pushThreads, (t, i) -> push(base, basic, "pushes/app" + t, i, layerKb));
        System.out.printf(
                "| %s | %.0f | %.1f / %.1f | %.1f | %.1f / %.1f |%n",
                mode, creates.perSecond, creates.p50, creates.p99, pushes.perSecond, pushes.p50, pushes.p99);
    }

    interface Op {
        void run(int thread, int i) throws Exception;
    }

    record Result(double perSecond, double p50, double p99) {}

    static Result run(int seconds, int threads, Op op) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            fs.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    long s = System.nanoTime();
                    op.run(thread, i);
                    latencies.add(System.nanoTime() - s);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(
                done.get() / elapsed,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6);
    }

    static void create(String base, String jwt, String name) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/v0/registries"))
                        .header("Authorization", "Bearer " + jwt)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("create " + name + ": " + r.statusCode() + r.body());
    }

    static void push(String base, String basic, String repo, int i, int layerKb) throws Exception {
        byte[] layer = new byte[layerKb * 1024];
        new Random(repo.hashCode() * 31L + i).nextBytes(layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"n\":\"" + repo + i + "\"}").getBytes();
        String cd = blob(base, basic, repo, config), ld = blob(base, basic, repo, layer);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + cd
                + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + ld + "\",\"size\":" + layer.length
                + "}]}";
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/t" + i))
                        .header("Authorization", basic)
                        .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                        .PUT(HttpRequest.BodyPublishers.ofString(manifest))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("manifest: " + r.statusCode() + r.body());
    }

    static String blob(String base, String basic, String repo, byte[] data) throws Exception {
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/uploads/?digest=" + digest))
                        .header("Authorization", basic)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(data))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("blob: " + r.statusCode() + r.body());
        return digest;
    }

    static String send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\"");
        int s = json.indexOf('"', json.indexOf(':', i) + 1) + 1;
        return json.substring(s, json.indexOf('"', s));
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
