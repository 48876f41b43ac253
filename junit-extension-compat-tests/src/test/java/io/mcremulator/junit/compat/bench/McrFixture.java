package io.mcremulator.junit.compat.bench;

import io.mcremulator.junit.McrEmulator;
import io.mcremulator.junit.McrEmulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** Benchmark fixture: each test lists its (fresh) tenant's registries with its bearer token. */
@ExtendWith(Marks.class)
@McrEmulatorTest
class McrFixture {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RepeatedTest(value = 200)
    void listRegistries(McrEmulator mcr) throws Exception {
        String auth = mcr.authorizationHeader();
        long ready = System.nanoTime();
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(mcr.managementUrl() + "/v0/registries"))
                        .header("Authorization", auth)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError(r.statusCode() + " " + r.body());
        Marks.success();
        Marks.test(ready, System.nanoTime());
    }
}
