package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control plane covers the /v2 rows of the route table: journal entries and faults in the OCI error format. */
class OciJournalAndFaultsTest {

    @Test
    void aPushIsJournaledAsOciOperationsOfTheCallersTenant() {
        try (OciFixture f = new OciFixture()) {
            f.createRegistry("jreg");
            f.control().delete("/_emulator/requests").then().statusCode(204);
            f.pushImage("jreg/app", "v1", "journal-layer");
            List<Map<String, Object>> entries = f.control()
                    .get("/_emulator/requests")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("requests");
            assertThat(entries)
                    .extracting(e -> e.get("operationId"))
                    .containsExactly(
                            "ociBlobUploadStart",
                            "ociBlobUploadFinish",
                            "ociBlobUploadStart",
                            "ociBlobUploadFinish",
                            "ociManifestPut");
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.get("api")).isEqualTo("oci");
                assertThat(e.get("tenant")).isEqualTo(f.tenant);
                assertThat(e.get("region")).isEqualTo("br-se1");
            });
            assertThat(entries.get(4).get("status")).isEqualTo(201);
            assertThat(entries.get(4).get("endpointPath")).isEqualTo("/v2/<name>/manifests/{reference}");
        }
    }

    @Test
    void faultsOnV2AnswerInTheOciFormatAndCanTargetOneTenantsUploads() {
        try (OciFixture f = new OciFixture()) {
            f.createRegistry("freg");
            f.control()
                    .body("{\"operationId\":\"ociBlobUploadStart\",\"tenant\":\"" + f.tenant
                            + "\",\"status\":429,\"firstN\":1}")
                    .post("/_emulator/faults")
                    .then()
                    .statusCode(201);
            f.v2().post("/v2/freg/app/blobs/uploads/")
                    .then()
                    .statusCode(429)
                    .header("Retry-After", "1")
                    .body("errors[0].code", equalTo("TOOMANYREQUESTS"));
            f.v2().post("/v2/freg/app/blobs/uploads/").then().statusCode(202);

            f.control()
                    .body(
                            "{\"path\":\"/v2/freg/**\",\"method\":\"PUT\",\"status\":503,\"ociCode\":\"UNAVAILABLE\",\"message\":\"maintenance\"}")
                    .post("/_emulator/faults")
                    .then()
                    .statusCode(201);
            f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                    .body("{}")
                    .put("/v2/freg/app/manifests/v1")
                    .then()
                    .statusCode(503)
                    .body("errors[0].code", equalTo("UNAVAILABLE"))
                    .body("errors[0].message", equalTo("maintenance"));
        }
    }
}
