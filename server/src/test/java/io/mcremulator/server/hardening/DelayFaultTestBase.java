package io.mcremulator.server.hardening;

import io.mcremulator.server.support.ApiTestBase;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;

/**
 * What the delay-fault tests share: the control API, the number of requests waiting on a delay
 * ({@code delayedRequests} of {@code GET /_emulator/faults}), a bounded poll, and no rule left behind.
 */
abstract class DelayFaultTestBase extends ApiTestBase {
    RequestSpecification control() {
        return RestAssured.given().baseUri(server.baseUrl()).contentType(ContentType.JSON);
    }

    int delayed() {
        return control()
                .get("/_emulator/faults")
                .then()
                .statusCode(200)
                .extract()
                .path("delayedRequests");
    }

    /** Polls {@code condition} every 20 ms for at most {@code bound}; fails saying what it waited for. */
    static void await(String what, Duration bound, BooleanSupplier condition) {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end)
                throw new AssertionError("timed out (" + bound.toSeconds() + " s) waiting until " + what);
            LockSupport.parkNanos(20_000_000L);
        }
    }

    @AfterEach
    void clearFaults() {
        control().delete("/_emulator/faults").then().statusCode(204);
    }
}
