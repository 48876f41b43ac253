package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.core.model.RegistryInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Export, import and checkpoints of the test tenant's state, concurrently with other tests. */
@McrEmulatorTest
@Execution(ExecutionMode.CONCURRENT)
class SnapshotsTest {

    private static String create(McrEmulator mcr, String name) {
        var r = Http.postJson(
                mcr.managementUrl() + "/v0/registries",
                "Authorization",
                mcr.authorizationHeader(),
                "{\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return name;
    }

    @RepeatedTest(4)
    void checkpointAndRestoreOnlyTheTestsTenant(McrEmulator mcr) {
        String kept = create(mcr, mcr.uniqueName("kept"));
        mcr.snapshots().checkpoint("before");
        String later = create(mcr, mcr.uniqueName("later"));
        assertThat(mcr.state().registries()).extracting(RegistryInfo::name).containsExactlyInAnyOrder(kept, later);

        mcr.snapshots().restore("before");
        assertThat(mcr.state().registries()).extracting(RegistryInfo::name).containsExactly(kept);
        mcr.snapshots().restore("before");
        assertThat(mcr.state().registries()).extracting(RegistryInfo::name).containsExactly(kept);
        assertThatThrownBy(() -> mcr.snapshots().restore("nope")).hasMessageContaining("no checkpoint named 'nope'");
    }

    @Test
    void exportTenantAndImportItBackAfterAReset(McrEmulator mcr) {
        String name = create(mcr, mcr.uniqueName("exp"));
        String id = mcr.state().registry(name).orElseThrow().id().toString();
        String doc = mcr.snapshots().exportTenant();
        assertThat(doc)
                .contains("\"version\":1")
                .contains("\"tenant\":\"" + mcr.tenant().id() + "\"")
                .contains(name)
                .contains(id);

        mcr.reset();
        assertThat(mcr.state().registries()).isEmpty();
        mcr.snapshots().importDocument(doc);
        assertThat(mcr.state().registry(name)).map(r -> r.id().toString()).contains(id);
    }

    @Test
    void exportAllHoldsEveryTenant(McrEmulator mcr) {
        String name = create(mcr, mcr.uniqueName("all"));
        assertThat(mcr.snapshots().exportAll())
                .contains(name)
                .doesNotContain("\"tenant\":\"" + mcr.tenant().id() + "\",\"users\"");
    }

    @Test
    void aBadDocumentChangesNothing(McrEmulator mcr) {
        String name = create(mcr, mcr.uniqueName("bad"));
        assertThatThrownBy(() -> mcr.snapshots().importDocument("{\"version\":99}"))
                .hasMessageContaining("400");
        assertThat(mcr.state().registries()).extracting(RegistryInfo::name).containsExactly(name);
    }
}
