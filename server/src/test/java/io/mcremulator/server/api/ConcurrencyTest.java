package io.mcremulator.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads at once: one winner per name, no lost update, one password per user. */
class ConcurrencyTest extends ApiTestBase {
    private static final int THREADS = 32;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> send(Caller c, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", c.bearer())
                .header("Content-Type", "application/json");
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the tasks on their own threads, released together by one latch; returns their results in order. */
    private static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks)
                futures.add(pool.submit(() -> {
                    go.await();
                    return t.call();
                }));
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get(120, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyTenantsCreatingOneRegistryNameGiveExactlyOneSuccess() throws Exception {
        String name = uniqueName("race");
        List<Caller> callers = new ArrayList<>();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Caller c = Caller.random();
            callers.add(c);
            tasks.add(() -> send(c, "POST", "/v0/registries", "{\"name\":\"" + name + "\"}")
                    .statusCode());
        }
        List<Integer> statuses = together(tasks);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(THREADS - 1);
        int owners = 0;
        for (Caller c : callers) owners += as(c).get("/v0/registries").<Integer>path("meta.page.total");
        assertThat(owners).isEqualTo(1);
    }

    @Test
    void oneTenantCreatingOneProxyCacheNameGivesExactlyOneSuccess() throws Exception {
        Caller c = Caller.random();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> send(
                            c,
                            "POST",
                            "/v0/proxy-caches",
                            "{\"name\":\"same\",\"provider\":\"docker-hub\",\"url\":\"https://hub.docker.com\"}")
                    .statusCode());
        }
        assertThat(together(tasks)).filteredOn(s -> s == 201).hasSize(1);
        as(c).get("/v0/proxy-caches").then().body("meta.page.total", equalTo(1));
    }

    @Test
    void concurrentFirstCredentialReadsAgreeOnOnePassword() throws Exception {
        Caller c = Caller.random();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> MAPPER.readTree(
                            send(c, "GET", "/v0/credentials", null).body())
                    .path("password")
                    .asText());
        }
        Set<String> passwords = new HashSet<>(together(tasks));
        assertThat(passwords).hasSize(1);
        assertThat(passwords.iterator().next()).hasSize(32);
    }

    @Test
    void mixedTrafficLosesNoUpdate() throws Exception {
        Caller c = Caller.random();
        int perThread = 10;
        int writers = 16;
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            tasks.add(() -> {
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    HttpResponse<String> r =
                            send(c, "POST", "/v0/registries", "{\"name\":\"" + uniqueName("mix") + "\"}");
                    assertThat(r.statusCode()).isEqualTo(201);
                    String id = MAPPER.readTree(r.body()).path("id").asText();
                    if (i % 2 == 0) {
                        assertThat(send(c, "DELETE", "/v0/registries/" + id, "null")
                                        .statusCode())
                                .isEqualTo(204);
                    } else {
                        kept.add(id);
                    }
                }
                return kept;
            });
        }
        for (int t = 0; t < 8; t++) {
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    HttpResponse<String> r = send(c, "GET", "/v0/registries?_limit=1000", null);
                    assertThat(r.statusCode()).isEqualTo(200);
                    var page = MAPPER.readTree(r.body()).path("meta").path("page");
                    assertThat(page.path("count").asInt())
                            .isEqualTo(page.path("total").asInt());
                }
                return List.of();
            });
        }
        Set<String> expected = new HashSet<>();
        together(tasks).forEach(expected::addAll);
        assertThat(expected).hasSize(writers * perThread / 2);
        List<String> ids = as(c).queryParam("_limit", 1000)
                .get("/v0/registries")
                .then()
                .statusCode(200)
                .extract()
                .path("results.id");
        assertThat(new HashSet<>(ids)).isEqualTo(expected);
    }

    @Test
    void concurrentPatchesOfDifferentFieldsAllLand() throws Exception {
        Caller c = Caller.random();
        String id = createProxyCache(c, uniqueName("patch"));
        String[] bodies = {
            "{\"description\":\"d\",\"name\":null,\"url\":null}",
            "{\"url\":\"https://mirror.gcr.io\",\"name\":null}",
            "{\"name\":\"renamed-" + id.substring(0, 8) + "\",\"url\":null}",
            "{\"access_key\":\"k\",\"description\":null}"
        };
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (String b : bodies)
            tasks.add(() -> send(c, "PATCH", "/v0/proxy-caches/" + id, b).statusCode());
        assertThat(together(tasks)).containsOnly(200);
        as(c).get("/v0/proxy-caches/" + id)
                .then()
                .body("description", equalTo("d"))
                .body("url", equalTo("https://mirror.gcr.io"))
                .body("name", equalTo("renamed-" + id.substring(0, 8)));
    }
}
