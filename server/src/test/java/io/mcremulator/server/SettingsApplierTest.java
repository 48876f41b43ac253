package io.mcremulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.client.Setting;
import io.mcremulator.core.EmulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsApplierTest {

    /** A valid value of each setting, so that every catalogue entry goes through the applier once. */
    private static String sample(Setting s, Path dir) throws Exception {
        return switch (s.type()) {
            case INTEGER, LONG -> s == Setting.PORT ? "0" : "4096";
            case BOOLEAN -> "false";
            case CHOICE -> s.choices().get(s.choices().size() - 1);
            case TIMESTAMP -> "2024-05-15T19:56:47Z";
            case PATH ->
                s == Setting.BLOB_DIR
                        ? dir.toString()
                        : Files.writeString(dir.resolve(s.flag() + ".txt"), s == Setting.SEED ? "{}" : "pem")
                                .toString();
            case TEXT ->
                s == Setting.HOST
                        ? "127.0.0.1"
                        : s == Setting.PROXY_UPSTREAM ? "docker-hub=http://127.0.0.1:5000" : "text";
        };
    }

    @Test
    void everySettingOfTheCatalogueIsAppliedByTheServer(@TempDir Path dir) throws Exception {
        for (Setting s : Setting.values()) {
            McrEmulatorServer.Builder server = McrEmulatorServer.builder();
            EmulatorConfig.Builder engine = EmulatorConfig.builder();
            String value = sample(s, dir);
            SettingsApplier.apply(Map.of(s, value), server, engine, Setting::optionName);
        }
    }

    @Test
    void valuesChangeWhatTheyNameAndNothingElse() {
        McrEmulatorServer.Builder server = McrEmulatorServer.builder();
        EmulatorConfig.Builder engine = EmulatorConfig.builder();
        SettingsApplier.apply(
                Map.of(
                        Setting.NEVER_PULLED, "PUSHED_AT",
                        Setting.PROXY_CACHE_IN_USE_DELETE, "allow",
                        Setting.REGISTRY_TOKEN_TTL_SECONDS, "120",
                        Setting.MAX_BODY_BYTES, "2048"),
                server,
                engine,
                Setting::optionName);
        ServerSettings s = server.engine(engine.build()).settings();
        assertThat(s.engine().neverPulled()).isEqualTo(EmulatorConfig.NeverPulled.PUSHED_AT);
        assertThat(s.engine().proxyCacheInUseDeleteConflict()).isFalse();
        assertThat(s.oci().tokenTtl().getSeconds()).isEqualTo(120);
        assertThat(s.maxBodyBytes()).isEqualTo(2048);
        assertThat(s.engine().registryNameMaxLength()).isEqualTo(63);
        assertThat(s.control().journalCapacity()).isEqualTo(10_000);
    }

    @Test
    void aBadValueNamesTheSettingAsTheCallerLabelsIt() {
        assertThatThrownBy(() -> SettingsApplier.apply(
                        Map.of(Setting.DEFAULT_PAGE_LIMIT, "many"),
                        McrEmulatorServer.builder(),
                        EmulatorConfig.builder(),
                        s -> "option '" + s.optionName() + "'"))
                .hasMessage("option 'defaultPageLimit': expected an integer, got 'many'");
    }
}
