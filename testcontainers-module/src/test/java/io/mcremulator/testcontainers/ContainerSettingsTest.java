package io.mcremulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.client.Setting;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without Docker: the container's typed methods are the catalogue's container settings, and values are checked. */
class ContainerSettingsTest {

    @Test
    void everyContainerSettingOfTheCatalogueHasItsTypedMethod() {
        List<String> methods = Arrays.stream(McrEmulatorContainer.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .toList();
        for (Setting s : Setting.all(Setting.Where.CONTAINER)) {
            assertThat(methods)
                    .as("McrEmulatorContainer needs %s for the catalogue's %s", s.containerMethod(), s)
                    .contains(s.containerMethod());
        }
    }

    @Test
    void badValuesFailAtOnceNamingTheMethodAndTheVariable() {
        McrEmulatorContainer mcr = new McrEmulatorContainer("mcr-emulator");
        assertThatThrownBy(() -> mcr.withNeverPulled("sometimes"))
                .hasMessageContaining("withNeverPulled (MCR_NEVER_PULLED)")
                .hasMessageContaining("expected one of zero-time, pushed-at");
        assertThatThrownBy(() -> mcr.withSetting("MCR_JOURNAL_CAPACITY", "lots"))
                .hasMessageContaining("MCR_JOURNAL_CAPACITY")
                .hasMessageContaining("an integer");
        assertThat(mcr.withRegistryAuth("BASIC")
                        .withSetting("MCR_FROM_A_NEWER_IMAGE", "x")
                        .getEnvMap())
                .containsEntry("MCR_REGISTRY_AUTH", "basic")
                .containsEntry("MCR_FROM_A_NEWER_IMAGE", "x");
    }
}
