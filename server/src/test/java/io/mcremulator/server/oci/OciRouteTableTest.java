package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.operation.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The /v2 rows of the route table: one OCI operation per endpoint, with unique ids others can refer to. */
class OciRouteTableTest {
    @Test
    void everyRegistryEndpointIsAnOciRowWithAUniqueId() {
        List<Operation> ops = McrEmulatorServer.builder().build().operations().stream()
                .filter(o -> o.kind() == Operation.Kind.OCI)
                .toList();
        Set<String> ids = new HashSet<>();
        for (Operation o : ops)
            assertThat(ids.add(o.operationId()))
                    .as("duplicate id " + o.operationId())
                    .isTrue();
        assertThat(ids)
                .contains(
                        "ociPing",
                        "ociToken",
                        "ociTokenForm",
                        "ociCatalog",
                        "ociTagsList",
                        "ociReferrers",
                        "ociManifestGet",
                        "ociManifestHead",
                        "ociManifestPut",
                        "ociManifestDelete",
                        "ociBlobGet",
                        "ociBlobHead",
                        "ociBlobDelete",
                        "ociBlobUploadStart",
                        "ociBlobUploadChunk",
                        "ociBlobUploadFinish",
                        "ociBlobUploadStatus",
                        "ociBlobUploadCancel");
        assertThat(ops).allMatch(o -> o.path().startsWith("/v2") || o.path().equals("/service/token"));
    }
}
