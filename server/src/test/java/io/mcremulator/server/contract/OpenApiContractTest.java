package io.mcremulator.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.operation.Operation;
import io.mcremulator.testsupport.External;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The route table against the OpenAPI files: every operation of 0.1.0, every deprecated v0 repository/image
 * route of the 2025-06 file and every operation of the 2026-05 file is served, under the same method and path.
 * (The response bodies are validated by {@link ContractFilter} in every API test.)
 */
class OpenApiContractTest {
    /** The operations of the 2026-05 file that 0.1.0 does not have (issue 12). */
    static final List<String> ONLY_IN_2026 = List.of(
            "createUser",
            "getUser",
            "deleteUser",
            "addRegistryMember",
            "getRegistryMembers",
            "getRegistryMember",
            "updateRegistryMember",
            "deleteRegistryMember",
            "scheduleImageScan",
            "getImageScans",
            "getImageScan",
            "getImageScanVulnerabilities",
            "stopImageScan");

    @Test
    void everyOperationOfThe2026FileIsInTheRouteTable() {
        OpenApiContract contract = OpenApiContract.load(External.sharedDir());
        Set<String> served = McrEmulatorServer.builder().build().operations().stream()
                .filter(o -> o.kind() == Operation.Kind.MANAGEMENT)
                .map(o -> o.method() + " " + o.path())
                .collect(Collectors.toSet());
        for (OpenApiContract.Op op : contract.latestOperations()) {
            String route = op.method() + " " + op.template();
            assertThat(served).as("route table serves %s (%s)", route, op.id()).contains(route);
        }
    }

    @Test
    void aRequestIsValidatedAgainstEveryFileThatHasItsOperation() throws Exception {
        OpenApiContract c = OpenApiContract.load(External.sharedDir());
        String reg = "/v0/registries/0c6bbd87-881a-4bf8-b3f6-4ff3ceacb42c";
        assertThat(c.findAll("GET", reg).stream().map(OpenApiContract.Op::file))
                .containsExactly(OpenApiContract.MAIN_FILE, OpenApiContract.LATEST_FILE);
        assertThat(c
                        .findAll(
                                "GET",
                                "/br-se1/container-registry" + reg + "/members/ef376048-a0f7-446c-826b-1d5cb3e5a5b0")
                        .stream()
                        .map(o -> o.file() + " " + o.id()))
                .containsExactly(OpenApiContract.LATEST_FILE + " getRegistryMember");
        assertThat(c.findAll("POST", "/v0/users").stream().map(OpenApiContract.Op::id))
                .containsExactly("createUser");
        assertThat(c.findAll("POST", "/v1/scans/ef376048-a0f7-446c-826b-1d5cb3e5a5b0/stop").stream()
                        .map(OpenApiContract.Op::id))
                .containsExactly("stopImageScan");
        assertThat(c.findAll("GET", reg + "/repositories/team/app/images").stream()
                        .map(OpenApiContract.Op::file))
                .containsExactly(OpenApiContract.V0_ROUTES_FILE);
        assertThat(c.latestOnlyOperations().stream().map(OpenApiContract.Op::id))
                .containsExactlyInAnyOrderElementsOf(ONLY_IN_2026);

        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String member = "{\"id\":\"ef376048-a0f7-446c-826b-1d5cb3e5a5b0\",\"registry_id\":\"x\",\"user_id\":\"u\","
                + "\"role\":\"guest\",\"created_at\":\"2024-05-20T14:30:00Z\",\"updated_at\":\"2024-05-20T14:30:00Z\"}";
        assertThat(c.validateAll(
                        "GET", reg + "/members/ef376048-a0f7-446c-826b-1d5cb3e5a5b0", 200, mapper.readTree(member)))
                .isEmpty();
        assertThat(c.validateAll(
                        "GET",
                        reg + "/members/ef376048-a0f7-446c-826b-1d5cb3e5a5b0",
                        200,
                        mapper.readTree("{\"id\":\"x\"}")))
                .as("MemberResponse requires registry_id, user_id, role, created_at, updated_at")
                .isNotEmpty();
        assertThat(c.validateAll("POST", "/v0/users", 201, mapper.readTree("{\"id\":\"x\",\"username\":\"x\"}")))
                .as("UserResponse requires created_at")
                .isNotEmpty();
    }

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
