package io.mcremulator.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The API's timestamps: RFC 3339 in UTC, whole seconds, exactly as ISO_INSTANT prints them. */
class JsonTimeTest {
    private static String reference(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void knownValues() {
        assertThat(Json.time(Instant.parse("2024-05-15T19:56:47.123456Z"))).isEqualTo("2024-05-15T19:56:47Z");
        assertThat(Json.time(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(Json.time(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Json.time(Instant.parse("1969-12-31T23:59:59.900Z"))).isEqualTo("1969-12-31T23:59:59Z");
        assertThat(Json.time(null)).isNull();
    }

    @Test
    void sameAsIsoInstantEverywhere() {
        SplittableRandom r = new SplittableRandom(7);
        long min = Instant.parse("-0200-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(min, max), r.nextInt(1_000_000_000));
            assertThat(Json.time(t)).isEqualTo(reference(t));
        }
        for (String edge : new String[] {
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z",
            "2000-02-29T12:00:00Z",
            "2100-03-01T00:00:00Z"
        }) {
            Instant t = Instant.parse(edge);
            assertThat(Json.time(t)).isEqualTo(reference(t));
        }
    }
}
