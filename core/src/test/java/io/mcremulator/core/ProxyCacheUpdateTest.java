package io.mcremulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.model.ProxyCacheInfo;
import org.junit.jupiter.api.Test;

/** The provider of a proxy cache is fixed at creation; the engine refuses to change it, whoever asks. */
class ProxyCacheUpdateTest {
    private static final Principal CALLER = Principal.of("t1", "u1", null);

    @Test
    void anUpdateNamingAProviderIsRefusedAndChangesNothing() {
        ProxyCaches caches = new Emulator().region(Region.DEFAULT).proxyCaches();
        String provider =
                new Emulator().config().proxyCacheProviders().iterator().next();
        ProxyCacheInfo created = caches.create(
                CALLER, new ProxyCaches.Create("hub", provider, "https://registry-1.docker.io", null, null, null));
        assertThatThrownBy(() -> caches.update(
                        CALLER,
                        created.id(),
                        new ProxyCaches.Update("renamed", null, null, null, null, "another-provider")))
                .isInstanceOfSatisfying(EmulatorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("'provider' cannot be updated");
                    assertThat(e.detail()).containsEntry("field", "provider");
                });
        ProxyCacheInfo after = caches.get(CALLER, created.id());
        assertThat(after.name()).isEqualTo("hub");
        assertThat(after.provider()).isEqualTo(provider);
        assertThat(caches.update(CALLER, created.id(), new ProxyCaches.Update("renamed", null, null, null, null, null))
                        .name())
                .isEqualTo("renamed");
    }
}
