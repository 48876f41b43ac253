package io.mcremulator.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.mcremulator.server.support.Caller;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The five scan operations: happy paths, errors, tenancy, findings, filters, stop, failures, cascades. */
class ScansApiTest extends ScanTestSupport {
    @AfterEach
    void resetControls() {
        control().post("/_emulator/reset").then().statusCode(204);
    }

    @Test
    void scheduleByTagAnswersPendingAndTheNextReadShowsACleanCompletedScan() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        JsonPath s = scanAs(c)
                .post(img.scansPath("1.0"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertThat(s.getString("status")).isEqualTo("pending");
        assertThat(s.getString("input_tag")).isEqualTo("1.0");
        assertThat(s.getString("digest")).isEqualTo(img.digest());
        assertThat(s.getString("registry_id")).isEqualTo(img.registryId());
        assertThat(s.getString("repository_id")).isEqualTo(img.repositoryId());

        scanAs(c)
                .get("/v1/scans/" + s.getString("id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("input_tag", equalTo("1.0"))
                .body("os", equalTo("linux"))
                .body("architecture", equalTo("amd64"))
                .body("finished_at", notNullValue())
                .body("severity_summary.total", equalTo(0))
                .body("severity_summary.fixable", equalTo(0));
        scanAs(c)
                .get("/v1/scans/" + s.getString("id") + "/vulnerabilities")
                .then()
                .statusCode(200)
                .body("results", org.hamcrest.Matchers.empty())
                .body("meta.page.total", equalTo(0));
    }

    @Test
    void scheduleByDigestUnderTheRegionalPrefixAndListByTagOrDigest() {
        Caller c = Caller.random();
        Img img = seedImage(c, "latest");
        String prefix = "/br-se1/container-registry";
        scanAs(c)
                .post(prefix + img.scansPath(img.digest()))
                .then()
                .statusCode(202)
                .body("input_tag", nullValue());
        String second = schedule(c, img, "latest");
        scanAs(c)
                .get(img.scansPath("latest"))
                .then()
                .statusCode(200)
                .body("meta.page.total", equalTo(2))
                .body("results.size()", equalTo(2));
        scanAs(c)
                .get(prefix + img.scansPath(img.digest()) + "?_limit=1&_sort=created_at:asc")
                .then()
                .statusCode(200)
                .body("meta.page.limit", equalTo(1))
                .body("meta.page.count", equalTo(1))
                .body("meta.page.total", equalTo(2));
        scanAs(c)
                .get(img.scansPath("latest") + "?status=completed")
                .then()
                .body("meta.page.total", equalTo(2))
                .body("results.id", hasItems(second));
        scanAs(c).get(img.scansPath("latest") + "?status=running").then().body("meta.page.total", equalTo(0));
        // another region has its own state: no such registry there
        assertError(scanAs(c).get("/br-ne1/container-registry" + img.scansPath("latest")), 404, "not_found");
    }

    @Test
    void badInputIsAClear4xxAndChangesNothing() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        assertError(scanAs(c).post(img.scansPath("nope")), 404, "not_found");
        assertError(scanAs(c).get(img.scansPath("nope")), 404, "not_found");
        assertError(
                scanAs(c)
                        .post("/v1/registries/" + UUID.randomUUID() + "/repositories/" + img.repositoryId()
                                + "/images/1.0/scans"),
                404,
                "not_found");
        assertError(
                scanAs(c).post("/v1/registries/not-a-uuid/repositories/" + img.repositoryId() + "/images/1.0/scans"),
                400,
                "bad_request");
        assertError(scanAs(c).get(img.scansPath("1.0") + "?_sort=created_at"), 400, "bad_request");
        assertError(scanAs(c).get(img.scansPath("1.0") + "?_sort=size:asc"), 400, "bad_request");
        assertError(scanAs(c).get(img.scansPath("1.0") + "?status=done"), 400, "bad_request");
        assertError(scanAs(c).get(img.scansPath("1.0") + "?_limit=0"), 400, "bad_request");
        assertError(scanAs(c).get("/v1/scans/not-a-uuid"), 400, "bad_request");
        assertError(scanAs(c).get("/v1/scans/" + UUID.randomUUID()), 404, "not_found");
        assertError(scanAs(c).get("/v1/scans/" + UUID.randomUUID() + "/vulnerabilities"), 404, "not_found");
        assertError(scanAs(c).post("/v1/scans/" + UUID.randomUUID() + "/stop"), 404, "not_found");
        scanAs(c).get(img.scansPath("1.0")).then().body("meta.page.total", equalTo(0));
    }

    @Test
    void authAndTenancy() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        String id = schedule(c, img, "1.0");
        Caller other = Caller.random();
        assertError(scanAs(other).get("/v1/scans/" + id), 404, "not_found");
        assertError(scanAs(other).get("/v1/scans/" + id + "/vulnerabilities"), 404, "not_found");
        assertError(scanAs(other).post("/v1/scans/" + id + "/stop"), 404, "not_found");
        assertError(scanAs(other).post(img.scansPath("1.0")), 404, "not_found");
        // a colleague of the same tenant sees it
        scanAs(c.colleague()).get("/v1/scans/" + id).then().statusCode(200);
        // no credentials
        assertError(anonymous().get("/v1/scans/" + id), 401, "unauthorized");
        // a read-only token lists and reads but cannot schedule or stop
        Caller reader = new Caller(
                c.tenantId(), c.userId(), c.email(), Caller.jwt(c.tenantId(), c.userId(), c.email(), "mcr.read"));
        scanAs(reader).get("/v1/scans/" + id).then().statusCode(200);
        assertError(scanAs(reader).post(img.scansPath("1.0")), 403, "forbidden");
        assertError(scanAs(reader).post("/v1/scans/" + id + "/stop"), 403, "forbidden");
    }

    @Test
    void findingsSetByDigestCarryEveryFieldAndSortBySeverityRank() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        Map<String, Object> full = new java.util.LinkedHashMap<>(vuln("CVE-2016-2781", "low", "coreutils", null));
        full.put("current_version", "9.4-3ubuntu6.1");
        full.put("target_path", "/usr/bin/chroot");
        full.put("description", "chroot escape");
        full.put("links", List.of("https://avd.aquasec.com/nvd/cve-2016-2781"));
        full.put("is_allowlisted", true);
        full.put(
                "cvss",
                Map.of(
                        "preferred",
                        Map.of("score", 6.5, "vector", "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N"),
                        "by_source",
                        Map.of(
                                "nvd", Map.of("score", 6.5, "vector", "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N"),
                                "redhat",
                                        Map.of(
                                                "score",
                                                8.6,
                                                "vector",
                                                "CVSS:3.0/AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H"))));
        putFindings(Map.of(
                "digest",
                img.digest(),
                "vulnerabilities",
                List.of(
                        full,
                        vuln("CVE-2024-0001", "medium", "openssl", "3.0.2"),
                        vuln("CVE-2024-0002", "critical", "curl", "8.0.0"),
                        vuln("CVE-2024-0003", "unknown", "apt", null),
                        vuln("CVE-2024-0004", "high", "libc6", null))));
        String id = schedule(c, img, img.digest());
        scanAs(c)
                .get("/v1/scans/" + id)
                .then()
                .body("status", equalTo("completed"))
                .body("severity_summary.total", equalTo(5))
                .body("severity_summary.critical", equalTo(1))
                .body("severity_summary.high", equalTo(1))
                .body("severity_summary.medium", equalTo(1))
                .body("severity_summary.low", equalTo(1))
                .body("severity_summary.fixable", equalTo(2));
        String v = "/v1/scans/" + id + "/vulnerabilities";
        scanAs(c)
                .get(v)
                .then()
                .statusCode(200)
                .body("results.severity", contains("critical", "high", "medium", "low", "unknown"));
        scanAs(c)
                .get(v + "?_sort=severity:asc")
                .then()
                .body("results.severity", contains("unknown", "low", "medium", "high", "critical"));
        JsonPath low =
                scanAs(c).get(v + "?cve_id=CVE-2016-2781").then().extract().jsonPath();
        assertThat(low.getList("results")).hasSize(1);
        assertThat(low.getString("results[0].current_version")).isEqualTo("9.4-3ubuntu6.1");
        assertThat(low.getString("results[0].target_path")).isEqualTo("/usr/bin/chroot");
        assertThat(low.getBoolean("results[0].is_allowlisted")).isTrue();
        assertThat(low.getBoolean("results[0].fixable")).isFalse();
        assertThat(low.getString("results[0].fixed_version")).isNull();
        assertThat(low.getList("results[0].links")).containsExactly("https://avd.aquasec.com/nvd/cve-2016-2781");
        assertThat(low.getString("results[0].cvss.max.source")).isEqualTo("redhat");
        assertThat(low.getFloat("results[0].cvss.max.score")).isEqualTo(8.6f);
        assertThat(low.getFloat("results[0].cvss.preferred.score")).isEqualTo(6.5f);
        assertThat(low.getFloat("results[0].cvss.by_source.nvd.score")).isEqualTo(6.5f);

        scanAs(c)
                .get(v + "?severity=critical&severity=high")
                .then()
                .body("results.cve_id", contains("CVE-2024-0002", "CVE-2024-0004"));
        scanAs(c).get(v + "?fixable=true").then().body("results.cve_id", contains("CVE-2024-0002", "CVE-2024-0001"));
        scanAs(c).get(v + "?fixable=false").then().body("meta.page.total", equalTo(3));
        scanAs(c).get(v + "?package_name=openssl").then().body("results.cve_id", contains("CVE-2024-0001"));
        scanAs(c)
                .get(v + "?_limit=2&_offset=1")
                .then()
                .body("results.severity", contains("high", "medium"))
                .body("meta.page.total", equalTo(5))
                .body("meta.page.count", equalTo(2))
                .body("meta.page.offset", equalTo(1));
        assertError(scanAs(c).get(v + "?severity=severe"), 400, "bad_request");
        assertError(scanAs(c).get(v + "?fixable=maybe"), 400, "bad_request");
        assertError(scanAs(c).get(v + "?_sort=severity:up"), 400, "bad_request");
    }

    @Test
    void findingsByRepositoryTagAndAFinishedScanKeepsItsCopy() {
        Caller c = Caller.random();
        Img img = seedImage(c, "stable");
        putFindings(Map.of(
                "registry",
                img.registryName(),
                "repository",
                img.repositoryName(),
                "tag",
                "stable",
                "vulnerabilities",
                List.of(vuln("CVE-2023-4911", "high", "libc6", "2.36-9+deb12u3"))));
        String first = schedule(c, img, img.digest());
        scanAs(c).get("/v1/scans/" + first).then().body("severity_summary.high", equalTo(1));

        putFindings(Map.of("digest", img.digest(), "vulnerabilities", List.of()));
        String second = schedule(c, img, "stable");
        scanAs(c).get("/v1/scans/" + second).then().body("severity_summary.total", equalTo(0));
        scanAs(c)
                .get("/v1/scans/" + first)
                .then()
                .body("severity_summary.total", equalTo(1))
                .body("severity_summary.fixable", equalTo(1));
        scanAs(c)
                .get("/v1/scans/" + first + "/vulnerabilities")
                .then()
                .body("results.cve_id", contains("CVE-2023-4911"))
                .body("results[0].fixed_version", equalTo("2.36-9+deb12u3"));
    }

    @Test
    void stopStopsAPendingScanAndLeavesAFinishedOneAsItIs() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        String done = schedule(c, img, "1.0");
        scanAs(c).get("/v1/scans/" + done).then().body("status", equalTo("completed"));
        scanAs(c).post("/v1/scans/" + done + "/stop").then().statusCode(204);
        scanAs(c).get("/v1/scans/" + done).then().body("status", equalTo("completed"));

        scanSettings(Map.of("hold", "pending"));
        String held = schedule(c, img, "1.0");
        scanAs(c).get("/v1/scans/" + held).then().body("status", equalTo("pending"));
        scanAs(c).post("/v1/scans/" + held + "/stop").then().statusCode(204);
        scanAs(c)
                .get("/v1/scans/" + held)
                .then()
                .body("status", equalTo("stopped"))
                .body("finished_at", notNullValue())
                .body("severity_summary", nullValue());
        scanSettings(Map.of("hold", "none"));
        scanAs(c).get("/v1/scans/" + held).then().body("status", equalTo("stopped"));
        scanAs(c).get("/v1/scans/" + held + "/vulnerabilities").then().body("meta.page.total", equalTo(0));
    }

    @Test
    void holdRunningThenCompleteAllNow() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        scanSettings(Map.of("hold", "running"));
        String id = schedule(c, img, "1.0");
        scanAs(c)
                .get("/v1/scans/" + id)
                .then()
                .body("status", equalTo("running"))
                .body("finished_at", nullValue());
        scanAs(c).post("/v1/scans/" + id + "/stop").then().statusCode(204);
        scanAs(c).get("/v1/scans/" + id).then().body("status", equalTo("stopped"));

        String other = schedule(c, img, "1.0");
        control().post("/_emulator/scans/complete").then().statusCode(200).body("completed", equalTo(1));
        scanAs(c).get("/v1/scans/" + other).then().body("status", equalTo("completed"));
        control().get("/_emulator/scans/settings").then().body("hold", equalTo("running"));
    }

    @Test
    void failNextMakesExactlyTheNextScanFail() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        control()
                .body(Map.of("count", 1))
                .post("/_emulator/scans/fail-next")
                .then()
                .statusCode(200)
                .body("fail_next", equalTo(1));
        String failed = schedule(c, img, "1.0");
        String ok = schedule(c, img, "1.0");
        scanAs(c)
                .get("/v1/scans/" + failed)
                .then()
                .body("status", equalTo("failed"))
                .body("finished_at", notNullValue());
        scanAs(c).get("/v1/scans/" + ok).then().body("status", equalTo("completed"));
        scanAs(c).get(img.scansPath("1.0") + "?status=failed").then().body("results.id", contains(failed));
    }

    @Test
    void deletingTheImageRepositoryOrRegistryDeletesItsScans() {
        Caller c = Caller.random();
        Img a = seedImage(c, "1.0");
        String byImage = schedule(c, a, "1.0");
        as(c).delete("/v1/registries/" + a.registryId() + "/repositories/" + a.repositoryId() + "/images/1.0")
                .then()
                .statusCode(204);
        assertError(scanAs(c).get("/v1/scans/" + byImage), 404, "not_found");
        assertError(scanAs(c).get("/v1/scans/" + byImage + "/vulnerabilities"), 404, "not_found");

        Img b = seedImage(c, "1.0");
        String byRepo = schedule(c, b, "1.0");
        as(c).delete("/v1/registries/" + b.registryId() + "/repositories/" + b.repositoryId())
                .then()
                .statusCode(204);
        assertError(scanAs(c).get("/v1/scans/" + byRepo), 404, "not_found");

        Img r = seedImage(c, "1.0");
        String byRegistry = schedule(c, r, "1.0");
        as(c).delete("/v0/registries/" + r.registryId()).then().statusCode(204);
        assertError(scanAs(c).post("/v1/scans/" + byRegistry + "/stop"), 404, "not_found");
    }

    @Test
    void seededFindingsAndSyntheticMode() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        seed(Map.of(
                "findings",
                List.of(Map.of(
                        "digest",
                        img.digest(),
                        "vulnerabilities",
                        List.of(vuln("CVE-2024-6387", "high", "openssh-client", "1:9.2p1-2+deb12u3"))))));
        String id = schedule(c, img, "1.0");
        scanAs(c).get("/v1/scans/" + id + "/vulnerabilities").then().body("results.cve_id", contains("CVE-2024-6387"));
        control()
                .body(Map.of("findings", List.of(Map.of("digest", "sha256:x", "tag", "1"))))
                .post("/_emulator/seed")
                .then()
                .statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("findings[0]"));

        scanSettings(Map.of("synthetic_findings", true));
        Img plain = seedImage(c, "demo");
        String s1 = schedule(c, plain, "demo");
        String s2 = schedule(c, plain, plain.digest());
        List<Object> first = scanAs(c)
                .get("/v1/scans/" + s1 + "/vulnerabilities?_limit=50")
                .then()
                .extract()
                .jsonPath()
                .getList("results");
        List<Object> second = scanAs(c)
                .get("/v1/scans/" + s2 + "/vulnerabilities?_limit=50")
                .then()
                .extract()
                .jsonPath()
                .getList("results");
        assertThat(first).isEqualTo(second);
        // a digest with findings set keeps them in synthetic mode
        String again = schedule(c, img, "1.0");
        scanAs(c)
                .get("/v1/scans/" + again + "/vulnerabilities")
                .then()
                .body("results.cve_id", contains("CVE-2024-6387"));
    }

    @Test
    void findingsControlApiValidatesListsAndRemoves() {
        String digest = digest("control");
        control()
                .body(Map.of("digest", digest, "vulnerabilities", List.of(vuln("CVE-1", "grave", "x", null))))
                .put("/_emulator/findings")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("message", org.hamcrest.Matchers.containsString("vulnerabilities[0].severity"));
        control()
                .body(Map.of("vulnerabilities", List.of()))
                .put("/_emulator/findings")
                .then()
                .statusCode(400);
        putFindings(Map.of("digest", digest, "vulnerabilities", List.of(vuln("CVE-1", "low", "x", null))));
        control()
                .get("/_emulator/findings")
                .then()
                .statusCode(200)
                .body("findings.digest", contains(digest))
                .body("findings[0].vulnerabilities[0].fixable", equalTo(false));
        control().delete("/_emulator/findings?digest=" + digest).then().statusCode(204);
        control().delete("/_emulator/findings?digest=" + digest).then().statusCode(404);
        control().get("/_emulator/findings").then().body("findings", org.hamcrest.Matchers.empty());
        control()
                .body(Map.of("hold", "sometimes"))
                .put("/_emulator/scans/settings")
                .then()
                .statusCode(400);
        control()
                .body(Map.of("pending_duration", "-PT1S"))
                .put("/_emulator/scans/settings")
                .then()
                .statusCode(400);
    }

    @Test
    void snapshotsCarryScansAndFindings() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        putFindings(Map.of("digest", img.digest(), "vulnerabilities", List.of(vuln("CVE-9", "critical", "x", "2"))));
        String id = schedule(c, img, "1.0");
        scanAs(c).get("/v1/scans/" + id).then().body("status", equalTo("completed"));
        String name = uniqueName("snap");
        control().put("/_emulator/snapshots/" + name).then().statusCode(201);
        control().delete("/_emulator/findings").then().statusCode(204);
        as(c).delete("/v1/registries/" + img.registryId() + "/repositories/" + img.repositoryId() + "/images/1.0")
                .then()
                .statusCode(204);
        control().post("/_emulator/snapshots/" + name + "/restore").then().statusCode(204);
        scanAs(c).get("/v1/scans/" + id).then().body("severity_summary.critical", equalTo(1));
        control().get("/_emulator/findings").then().body("findings.digest", contains(img.digest()));
        // exports carry the findings too
        control().get("/_emulator/export").then().statusCode(200).body("findings.digest", contains(img.digest()));
    }

    @Test
    void exportAndImportCarryScansWithTheirFindingsAndTheRules() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        putFindings(Map.of("digest", img.digest(), "vulnerabilities", List.of(vuln("CVE-7", "medium", "x", "2"))));
        String done = schedule(c, img, "1.0");
        scanAs(c).get("/v1/scans/" + done).then().body("status", equalTo("completed"));
        scanSettings(Map.of("hold", "running"));
        String running = schedule(c, img, img.digest());
        String doc = control()
                .get("/_emulator/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(doc).contains("\"scans\"").contains("CVE-7");

        control().post("/_emulator/reset").then().statusCode(204);
        assertError(scanAs(c).get("/v1/scans/" + done), 404, "not_found");
        control().body(doc).post("/_emulator/import").then().statusCode(204);

        scanAs(c)
                .get("/v1/scans/" + done)
                .then()
                .body("status", equalTo("completed"))
                .body("input_tag", equalTo("1.0"))
                .body("severity_summary.medium", equalTo(1));
        scanAs(c).get("/v1/scans/" + done + "/vulnerabilities").then().body("results.cve_id", contains("CVE-7"));
        // the reset lifted the hold: the imported running scan completes, finding what the imported rules say
        scanAs(c).get("/v1/scans/" + running).then().body("status", equalTo("completed"));
        scanAs(c).get("/v1/scans/" + running + "/vulnerabilities").then().body("results.cve_id", contains("CVE-7"));
        scanAs(c).get(img.scansPath("1.0")).then().body("meta.page.total", equalTo(2));
        // a scan id already in use is refused, naming the field
        Map<String, Object> scan = Map.of("id", done, "status", "completed");
        Map<String, Object> image = Map.of("digest", digest("other"), "scans", List.of(scan));
        control()
                .body(Map.of(
                        "registries",
                        List.of(Map.of(
                                "tenant",
                                c.tenantId(),
                                "name",
                                uniqueName("dup"),
                                "repositories",
                                List.of(Map.of("name", "app", "images", List.of(image)))))))
                .post("/_emulator/seed")
                .then()
                .statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("images[0].scans[0].id"));
    }

    @Test
    void aTenantsExportImportedBackKeepsItsScans() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        String id = schedule(c, img, "1.0");
        scanAs(c).get("/v1/scans/" + id).then().body("status", equalTo("completed"));
        String doc = control()
                .get("/_emulator/export?tenant=" + c.tenantId())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // replacing the tenant's state with its own export: the scan ids are free again once its images are gone
        control().body(doc).post("/_emulator/import").then().statusCode(204);
        scanAs(c).get("/v1/scans/" + id).then().statusCode(200).body("input_tag", equalTo("1.0"));
        control().body(doc).post("/_emulator/import").then().statusCode(204);
        scanAs(c).get(img.scansPath("1.0")).then().body("meta.page.total", equalTo(1));
    }

    @Test
    void operationsListTheFiveScanOperations() {
        List<String> ids = control()
                .get("/_emulator/operations?api=management")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("operations.operationId");
        assertThat(ids)
                .contains(
                        "scheduleImageScan",
                        "getImageScans",
                        "getImageScan",
                        "getImageScanVulnerabilities",
                        "stopImageScan");
    }
}
