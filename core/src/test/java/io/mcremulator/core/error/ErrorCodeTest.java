package io.mcremulator.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue is the one place that says which slug and which OCI code an error has: it must agree with itself. */
class ErrorCodeTest {
    /**
     * The OCI spec's error codes, plus docker/distribution's {@code UNKNOWN} (500) and {@code UNAVAILABLE} (503), and
     * the {@code PAGINATION_NUMBER_INVALID} distribution answers for a bad {@code n}.
     */
    private static final Set<String> OCI_CODES = Set.of(
            "BLOB_UNKNOWN",
            "BLOB_UPLOAD_INVALID",
            "BLOB_UPLOAD_UNKNOWN",
            "DIGEST_INVALID",
            "MANIFEST_BLOB_UNKNOWN",
            "MANIFEST_INVALID",
            "MANIFEST_UNKNOWN",
            "NAME_INVALID",
            "NAME_UNKNOWN",
            "SIZE_INVALID",
            "UNAUTHORIZED",
            "DENIED",
            "UNSUPPORTED",
            "TOOMANYREQUESTS",
            "UNKNOWN",
            "UNAVAILABLE",
            "PAGINATION_NUMBER_INVALID");

    @Test
    void everyManagementEntryOwnsItsStatusAndHasASnakeCaseSlugAndAKnownOciCode() {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.api() != ErrorCode.Api.MCR) continue;
            assertThat(ErrorCode.mcrForStatus(c.status()))
                    .as("the entry of status %d", c.status())
                    .isSameAs(c);
            assertThat(c.slug()).as("slug of %s", c).matches("[a-z]+(_[a-z]+)*").isEqualTo(c.code());
            assertThat(c.ociCode()).as("OCI code of %s", c).isIn(OCI_CODES);
            assertThat(c.defaultMessage()).isNotBlank();
        }
    }

    @Test
    void everyOciEntryIsItsOwnOciCodeAndTakesTheSlugOfItsStatus() {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.api() != ErrorCode.Api.OCI) continue;
            assertThat(c.ociCode()).as("OCI code of %s", c).isEqualTo(c.code()).isIn(OCI_CODES);
            assertThat(c.slug())
                    .as("slug of %s", c)
                    .isEqualTo(ErrorCode.mcrForStatus(c.status()).code());
        }
    }

    @Test
    void theStatusesOfTheHttpLayerAndOfInjectedFaultsMapOnce() {
        assertThat(ErrorCode.mcrForStatus(503).ociCode()).isEqualTo("UNAVAILABLE");
        assertThat(ErrorCode.mcrForStatus(500).ociCode()).isEqualTo("UNKNOWN");
        assertThat(ErrorCode.mcrForStatus(404).ociCode()).isEqualTo("NAME_UNKNOWN");
        assertThat(ErrorCode.mcrForStatus(405).ociCode()).isEqualTo("UNSUPPORTED");
        assertThat(ErrorCode.mcrForStatus(413).ociCode()).isEqualTo("SIZE_INVALID");
        // statuses without an entry: 4xx are bad requests, 5xx internal errors
        assertThat(ErrorCode.mcrForStatus(431)).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(ErrorCode.mcrForStatus(417)).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(ErrorCode.mcrForStatus(502)).isEqualTo(ErrorCode.INTERNAL_SERVER_ERROR);
        assertThat(ErrorCode.mcrForStatus(504).ociCode()).isEqualTo("UNKNOWN");
    }

    @Test
    void noTwoManagementEntriesShareAStatus() {
        long entries = Arrays.stream(ErrorCode.values())
                .filter(c -> c.api() == ErrorCode.Api.MCR)
                .count();
        Set<Integer> statuses = Arrays.stream(ErrorCode.values())
                .filter(c -> c.api() == ErrorCode.Api.MCR)
                .map(ErrorCode::status)
                .collect(Collectors.toSet());
        assertThat(statuses).hasSize((int) entries);
    }
}
