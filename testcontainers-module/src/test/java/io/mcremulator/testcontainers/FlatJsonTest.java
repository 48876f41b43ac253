package io.mcremulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlatJsonTest {

    @Test
    void readsStringMembersWithEscapesAndSkipsOtherValues() {
        String json =
                "{ \"username\" : \"u-1\", \"password\":\"p\\\"w\\\\d\\u0041/\", \"n\": 3, \"o\": {\"x\": [1, \"}\"]}, \"email\":\"e@x\" }";
        assertThat(FlatJson.strings(json))
                .containsEntry("username", "u-1")
                .containsEntry("password", "p\"w\\dA/")
                .containsEntry("email", "e@x")
                .doesNotContainKeys("n", "o");
    }

    @Test
    void membersKeepOtherValuesAsRawJson() {
        String json = "{\"count\": 2 ,\"fixed\":true,\"requests\":[{\"a\":\"]\"},{}],\"now\":\"x\"}";
        assertThat(FlatJson.members(json))
                .containsEntry("count", "2")
                .containsEntry("fixed", "true")
                .containsEntry("requests", "[{\"a\":\"]\"},{}]")
                .containsEntry("now", "x");
    }

    @Test
    void faultBuilderWritesTheRuleJson() {
        assertThat(McrFault.operation("createRegistry")
                        .status(503)
                        .firstN(2)
                        .tenant("t\"1")
                        .toJson())
                .isEqualTo("{\"operationId\":\"createRegistry\",\"status\":503,\"firstN\":2,\"tenant\":\"t\\\"1\"}");
        assertThat(McrFault.path("/v2/**").delayMs(10, 20).drop().toJson())
                .isEqualTo("{\"path\":\"/v2/**\",\"delayMs\":10,\"delayMaxMs\":20,\"drop\":true}");
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertThatThrownBy(() -> FlatJson.strings("[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected '{'");
        assertThatThrownBy(() -> FlatJson.strings("{\"a\":\"b\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startFailureMessageLeadsWithTheConfigurationError() {
        String log = "Picked up something\nmcr-emulator: configuration error: unknown auth mode 'x'\n";
        assertThat(McrEmulatorContainer.startFailureMessage(log))
                .startsWith(
                        "mcr-emulator did not start: mcr-emulator: configuration error: unknown auth mode 'x'\n---- container log ----\n")
                .endsWith("unknown auth mode 'x'");
        assertThat(McrEmulatorContainer.startFailureMessage("")).contains("(the container printed nothing)");
    }
}
