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
            case INTEGER, LONG -> s == Setting.PORT ? "0" : s == Setting.SHUTDOWN_GRACE_SECONDS ? "5" : "4096";
            case BOOLEAN -> "false";
            case CHOICE -> s.choices().get(s.choices().size() - 1);
            case TIMESTAMP -> "2024-05-15T19:56:47Z";
            case DURATION -> "250ms";
            case PATH ->
                s == Setting.BLOB_DIR || s == Setting.DATA_DIR
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

    @Test
    void aDataDirTakesAFlushIntervalAndRefusesAnIdSeed(@TempDir Path dir) {
        McrEmulatorServer.Builder server = McrEmulatorServer.builder();
        SettingsApplier.apply(
                Map.of(Setting.DATA_DIR, dir.toString(), Setting.FLUSH_INTERVAL, "250ms"),
                server,
                EmulatorConfig.builder(),
                Setting::optionName);
        assertThat(server.settings().persistence().dataDir()).isEqualTo(dir);
        assertThat(server.settings().persistence().flushInterval()).hasMillis(250);
        assertThatThrownBy(() -> SettingsApplier.apply(
                        Map.of(Setting.FLUSH_INTERVAL, "soon"),
                        McrEmulatorServer.builder(),
                        EmulatorConfig.builder(),
                        s -> "--" + s.flag()))
                .hasMessageStartingWith("--flush-interval: expected a duration");
        assertThatThrownBy(() -> SettingsApplier.apply(
                        Map.of(Setting.DATA_DIR, dir.toString(), Setting.ID_SEED, "7"),
                        McrEmulatorServer.builder(),
                        EmulatorConfig.builder(),
                        s -> "--" + s.flag()))
                .hasMessageContaining("--id-seed cannot be used with --data-dir");
    }
}
