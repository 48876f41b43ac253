package io.mcremulator.testcontainers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatJsonTest {

    @Test
    void readsStringMembersWithEscapesAndSkipsOtherValues() {
        String json = "{ \"username\" : \"u-1\", \"password\":\"p\\\"w\\\\d\\u0041/\", \"n\": 3, \"o\": {\"x\": [1, \"}\"]}, \"email\":\"e@x\" }";
        assertThat(FlatJson.strings(json))
                .containsEntry("username", "u-1")
                .containsEntry("password", "p\"w\\dA/")
                .containsEntry("email", "e@x")
                .doesNotContainKeys("n", "o");
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertThatThrownBy(() -> FlatJson.strings("[1]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected '{'");
        assertThatThrownBy(() -> FlatJson.strings("{\"a\":\"b\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startFailureMessageLeadsWithTheConfigurationError() {
        String log = "Picked up something\nmcr-emulator: configuration error: unknown auth mode 'x'\n";
        assertThat(McrEmulatorContainer.startFailureMessage(log))
                .startsWith("mcr-emulator did not start: mcr-emulator: configuration error: unknown auth mode 'x'\n---- container log ----\n")
                .endsWith("unknown auth mode 'x'");
        assertThat(McrEmulatorContainer.startFailureMessage("")).contains("(the container printed nothing)");
    }
}
