package io.mcremulator.server.api;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the scan tests share: requests checked against the 2026-05 contract, a seeded image, findings helpers. */
abstract class ScanTestSupport extends ApiTestBase {
    /** A request as the CLI sends it; the contract filter validates the answer against the 2026-05 file. */
    RequestSpecification scanAs(Caller c) {
        return as(c);
    }

    RequestSpecification control() {
        return RestAssured.given().baseUri(server.baseUrl()).contentType(ContentType.JSON);
    }

    /** One registry with one repository holding one image (tags given); ids and names. */
    record Img(String registryId, String registryName, String repositoryId, String repositoryName, String digest) {
        String scansPath(String ref) {
            return "/v1/registries/" + registryId + "/repositories/" + repositoryId + "/images/" + ref + "/scans";
        }
    }

    Img seedImage(Caller c, String... tags) {
        String reg = uniqueName("scan");
        String repoId = UUID.randomUUID().toString();
        String digest = digest(UUID.randomUUID().toString());
        String regId = seedRegistry(
                c,
                reg,
                List.of(Map.of(
                        "id",
                        repoId,
                        "name",
                        "team/app",
                        "images",
                        List.of(image(digest, 1000, "2024-05-15T19:56:47Z", tags)))));
        return new Img(regId, reg, repoId, "team/app", digest);
    }

    /** Schedules a scan and returns its id. */
    String schedule(Caller c, Img img, String ref) {
        return scanAs(c)
                .post(img.scansPath(ref))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    static Map<String, Object> vuln(String cve, String severity, String pkg, String fixed) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("cve_id", cve);
        m.put("severity", severity);
        m.put("package_name", pkg);
        m.put("current_version", "1.0.0");
        if (fixed != null) m.put("fixed_version", fixed);
        return m;
    }

    void putFindings(Map<String, Object> rule) {
        control().body(rule).put("/_emulator/findings").then().statusCode(200);
    }

    void scanSettings(Map<String, Object> settings) {
        control().body(settings).put("/_emulator/scans/settings").then().statusCode(200);
    }
}
