package io.mcremulator.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.core.error.EmulatorException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Path ids are strict 8-4-4-4-12 hex UUIDs; anything else is a 400 naming the parameter. */
class UuidsTest {
    @Test
    void acceptsCanonicalUuidsInEitherCase() {
        UUID u = UUID.randomUUID();
        assertThat(Uuids.isUuid(u.toString())).isTrue();
        assertThat(Uuids.isUuid(u.toString().toUpperCase())).isTrue();
        assertThat(Uuids.parse("registry_id", u.toString().toUpperCase())).isEqualTo(u);
        assertThat(Uuids.isUuid("00000000-0000-0000-0000-000000000000")).isTrue();
    }

    @Test
    void rejectsEverythingElse() {
        for (String bad : new String[] {
            null,
            "",
            "x",
            "0000000-0000-0000-0000-0000000000000",
            "00000000_0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-00000000000g",
            "00000000-0000-0000-0000-0000000000000",
            "{00000000-0000-0000-0000-000000000000}",
            "0-0-0-0-0",
            "00000000-0000-0000-00000-00000000000",
            " 0000000-0000-0000-0000-000000000000"
        }) {
            assertThat(Uuids.isUuid(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThatThrownBy(() -> Uuids.parse("registry_id", "0-0-0-0-0"))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("registry_id")
                .hasMessageContaining("0-0-0-0-0");
    }
}
