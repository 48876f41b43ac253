package io.mcremulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.core.time.ControllableClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainControlFlagsTest {

    @Test
    void deterministicAndJournalFlagsAndTheirEnvironmentVariables() {
        ServerSettings s = Main.fromOptions(
                        Main.parse(new String[] {
                                    "--id-seed", "7", "--fixed-clock=2024-05-15T19:56:47Z", "--journal-capacity", "25"
                                })
                                .flags(),
                        Map.of("MCR_JOURNAL_MAX_BODY_BYTES", "64", "MCR_RECORD_UNMATCHED", "false"))
                .settings();
        assertThat(s.engine().clock()).isInstanceOf(ControllableClock.class);
        assertThat(s.engine().clock().instant()).isEqualTo(Instant.parse("2024-05-15T19:56:47Z"));
        assertThat(s.engine().ids().uuid())
                .isEqualTo(io.mcremulator.core.time.IdSource.seeded(7).uuid());
        assertThat(s.control().journalCapacity()).isEqualTo(25);
        assertThat(s.control().journalMaxBodyBytes()).isEqualTo(64);
        assertThat(s.control().recordUnmatched()).isFalse();
    }

    @Test
    void badValuesNameTheFlag() {
        assertThatThrownBy(() -> Main.fromOptions(Map.of("id-seed", "x"), Map.of()))
                .hasMessageContaining("--id-seed");
        assertThatThrownBy(() -> Main.fromOptions(Map.of("fixed-clock", "noon"), Map.of()))
                .hasMessageContaining("--fixed-clock");
        assertThatThrownBy(() -> Main.fromOptions(Map.of("record-unmatched", "maybe"), Map.of()))
                .hasMessageContaining("--record-unmatched");
        assertThatThrownBy(() -> Main.fromOptions(Map.of("journal-capacity", "-5"), Map.of()))
                .hasMessageContaining("journalCapacity");
    }
}
