package io.mcremulator.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void requestIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RequestIds.requestId();
            assertThat(Uuids.isUuid(id)).as(id).isTrue();
            UUID u = UUID.fromString(id);
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void traceIdsAre32LowercaseHexDigits() {
        for (int i = 0; i < 1000; i++) assertThat(RequestIds.traceId()).matches("[0-9a-f]{32}");
    }
}
