package io.mcremulator.junit.compat.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Benchmark fixture: WireMock's JUnit extension, one stub per test (it resets stubs between tests). */
@ExtendWith(Marks.class)
class WireMockFixture {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RepeatedTest(value = 200)
    void serveOneStub() throws Exception {
        wm.stubFor(get("/ping").willReturn(ok("pong")));
        long ready = System.nanoTime();
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(wm.baseUrl() + "/ping")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError(r.statusCode() + " " + r.body());
        Marks.success();
        Marks.test(ready, System.nanoTime());
    }
}
