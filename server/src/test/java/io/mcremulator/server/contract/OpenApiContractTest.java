package io.mcremulator.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.operation.Operation;
import io.mcremulator.server.support.External;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The route table against the OpenAPI files: every operation of 0.1.0 and every deprecated v0 repository/image
 * route of the 2025-06 file is served, under the same method and path. (The response bodies are validated by
 * {@link ContractFilter} in every API test.)
 */
class OpenApiContractTest {

    @Test
    void everyOperationOfTheSpecsIsInTheRouteTable() {
        OpenApiContract contract = OpenApiContract.load(External.sharedDir());
        List<Operation> table = McrEmulatorServer.builder().build().operations();
        Set<String> served = table.stream()
                .filter(o -> o.kind() == Operation.Kind.MANAGEMENT)
                .map(o -> o.method() + " " + o.path().replace("<repository_path>", "{repository_name}"))
                .collect(Collectors.toSet());
        for (OpenApiContract.Op op : contract.mainOperations()) {
            assertThat(served)
                    .as("route table serves %s %s (%s)", op.method(), op.template(), op.id())
                    .contains(op.method() + " " + op.template());
        }
        for (OpenApiContract.Op op : contract.v0RouteOperations()) {
            String method = op.method();
            String p = op.template();
            if (!p.contains("{repository_name}")) continue;
            // One path route reads <repository_path> from the right: repo, repo/images, repo/images/<ref>.
            assertThat(served)
                    .as("route table serves %s %s (%s)", method, p, op.id())
                    .contains(method + " /v0/registries/{registry_id}/repositories/{repository_name}");
        }
    }

    @Test
    void theContractFindsOperationsUnderRegionPrefixesAndNamesWithSlashes() {
        OpenApiContract c = OpenApiContract.load(External.sharedDir());
        assertThat(c.find("GET", "/br-ne1/container-registry/v0/registries")
                        .orElseThrow()
                        .id())
                .isEqualTo("getRegistries");
        assertThat(c.find("POST", "/v0/proxy-caches/status").orElseThrow().id())
                .isEqualTo("checkProxyCacheCredentialStatus");
        String reg = "/v0/registries/0c6bbd87-881a-4bf8-b3f6-4ff3ceacb42c/repositories/";
        assertThat(c.find("GET", reg + "team/app/images").orElseThrow().id()).isEqualTo("getImages");
        assertThat(c.find("GET", reg + "team%2Fapp/images/latest").orElseThrow().id())
                .isEqualTo("getImage");
        assertThat(c.find("DELETE", reg + "team/app").orElseThrow().id()).isEqualTo("deleteRepository");
        assertThat(c.find("GET", "/v9/nothing")).isEmpty();
    }

    @Test
    void aBodyThatBreaksTheSchemaIsReported() throws Exception {
        OpenApiContract c = OpenApiContract.load(External.sharedDir());
        var op = c.find("GET", "/v0/registries/0c6bbd87-881a-4bf8-b3f6-4ff3ceacb42c");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(c.validate(op, 200, mapper.readTree("{\"id\":\"x\",\"name\":\"n\"}")))
                .isNotEmpty();
        assertThat(
                        c.validate(
                                op,
                                200,
                                mapper.readTree(
                                        "{\"id\":\"0c6bbd87-881a-4bf8-b3f6-4ff3ceacb42c\",\"name\":\"n\","
                                                + "\"storage_usage_bytes\":0,\"created_at\":\"2024-05-15T19:56:47Z\",\"updated_at\":\"2024-05-15T19:56:47Z\"}")))
                .isEmpty();
        assertThat(c.validate(op, 404, mapper.readTree("{\"message\":\"m\"}")))
                .as("slug is required")
                .isNotEmpty();
    }
}
