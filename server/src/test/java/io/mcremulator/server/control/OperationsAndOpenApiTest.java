package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.operation.Operation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OperationsAndOpenApiTest extends ControlTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void operationsListsEveryRealApiRowOfTheRouteTable() {
        List<Operation> real = server.operations().stream()
                .filter(o -> o.kind() != Operation.Kind.CONTROL)
                .toList();
        List<Map<String, Object>> listed = given().get("/_emulator/operations")
                .then()
                .statusCode(200)
                .body("count", equalTo(real.size()))
                .extract()
                .path("operations");
        assertThat(listed)
                .extracting(m -> m.get("operationId"))
                .containsExactlyElementsOf(
                        real.stream().map(Operation::operationId).toList());
        for (int i = 0; i < real.size(); i++) {
            Operation op = real.get(i);
            Map<String, Object> m = listed.get(i);
            assertThat(m.get("method")).isEqualTo(op.method());
            assertThat(m.get("paths")).isEqualTo(op.servedPaths());
            assertThat(m.get("deprecated")).isEqualTo(op.deprecated());
            assertThat((List<Object>) m.get("scopes")).containsExactlyInAnyOrderElementsOf(op.scopes());
        }
        Map<String, Object> create = byId(listed, "createRegistry");
        assertThat(create.get("paths"))
                .isEqualTo(List.of("/v0/registries", "/{region}/container-registry/v0/registries"));
        assertThat((List<Object>) create.get("scopes")).containsExactly("mcr.write");
        assertThat(byId(listed, "getRepositories").get("deprecated")).isEqualTo(true);
        assertThat(byId(listed, "getRepository|getImages|getImage").get("operationIds"))
                .isEqualTo(List.of("getRepository", "getImages", "getImage"));
    }

    @Test
    void deviationsFollowTheServerSettings() {
        List<Map<String, Object>> listed =
                given().get("/_emulator/operations").then().extract().path("operations");
        assertThat((List<?>) byId(listed, "getRepositoryV1").get("deviations"))
                .singleElement()
                .asString()
                .contains("201");
        assertThat((List<?>) byId(listed, "getRegistries").get("deviations")).isEmpty();

        try (McrEmulatorServer specStatus =
                McrEmulatorServer.builder().getRepositoryStatus(201).build().start()) {
            List<Map<String, Object>> strict = io.restassured.RestAssured.given()
                    .baseUri(specStatus.baseUrl())
                    .get("/_emulator/operations")
                    .then()
                    .extract()
                    .path("operations");
            assertThat((List<?>) byId(strict, "getRepositoryV1").get("deviations"))
                    .isEmpty();
        }
    }

    @Test
    void controlOperationsAreListedOnlyOnRequest() {
        long control = server.operations().stream()
                .filter(o -> o.kind() == Operation.Kind.CONTROL)
                .count();
        given().get("/_emulator/operations?api=control").then().body("count", equalTo((int) control));
        given().get("/_emulator/operations?api=bogus").then().statusCode(400);
    }

    @Test
    void openApiDocumentIsValidAndDescribesEveryControlRouteOfTheTable() {
        String json = given().get("/_emulator/openapi.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.");

        List<Operation> controlRows = server.operations().stream()
                .filter(o -> o.kind() == Operation.Kind.CONTROL)
                .toList();
        for (Operation op : controlRows) {
            PathItem item = api.getPaths().get(op.path());
            assertThat(item).as("path %s of %s", op.path(), op.operationId()).isNotNull();
            io.swagger.v3.oas.models.Operation doc = item.readOperationsMap()
                    .get(PathItem.HttpMethod.valueOf(op.method().toUpperCase(Locale.ROOT)));
            assertThat(doc).as("%s %s", op.method(), op.path()).isNotNull();
            assertThat(doc.getOperationId()).isEqualTo(op.operationId());
        }
        // and nothing the server does not serve
        long documented = api.getPaths().values().stream()
                .mapToLong(p -> p.readOperations().size())
                .sum();
        assertThat(documented).isEqualTo(controlRows.size());
        assertThat(controlRows.stream().map(Operation::path).collect(Collectors.toSet()))
                .containsAll(api.getPaths().keySet());
    }

    private static Map<String, Object> byId(List<Map<String, Object>> ops, String id) {
        return ops.stream()
                .filter(m -> id.equals(m.get("operationId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }
}
