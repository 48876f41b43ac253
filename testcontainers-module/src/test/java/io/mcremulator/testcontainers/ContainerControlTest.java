package io.mcremulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.mcremulator.client.ActiveFault;
import io.mcremulator.client.ControlApiException;
import io.mcremulator.client.EmulatorControl;
import io.mcremulator.client.FaultSpec;
import io.mcremulator.client.Json;
import io.mcremulator.client.McrVulnerability;
import io.mcremulator.client.OperationInfo;
import io.mcremulator.client.RecordedRequest;
import io.mcremulator.client.SnapshotInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control client against a real container: faults, journal, export/import, snapshots, clock, operations. */
class ContainerControlTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static McrEmulatorContainer mcr;
    static EmulatorControl control;

    @BeforeAll
    static void start() {
        mcr = new McrEmulatorContainer(EmulatorImage.get());
        mcr.start();
        control = mcr.control();
    }

    @AfterAll
    static void stop() {
        if (mcr != null) mcr.stop();
    }

    @AfterEach
    void cleanUp() {
        control.clearFaults();
        control.resumeClock();
        mcr.reset();
        control.clearRequests();
    }

    static HttpResponse<String> call(String method, String url, McrUser user, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) b.header("Authorization", user.authorizationHeader());
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** What the Go SDK does: retry 429 and 5xx, up to three retries. */
    static HttpResponse<String> createWithRetries(McrUser user, String name) {
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            r = call("POST", mcr.getManagementUrl() + "/v0/registries", user, "{\"name\":\"" + name + "\"}");
            if (r.statusCode() != 429 && r.statusCode() < 500) return r;
        }
        return r;
    }

    @Test
    void goSdkRetryPattern() {
        McrUser user = McrUser.random();
        String id = control.addFault(
                FaultSpec.operation("createRegistry").status(503).firstN(2).tenant(user.tenantId()));

        HttpResponse<String> r = createWithRetries(user, "retried");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        control.verify("createRegistry").byTenant(user.tenantId()).calledTimes(3);
        control.verify("createRegistry").withStatus(503).calledTimes(2);
        control.verify("createRegistry")
                .withBodyContaining("\"name\":\"retried\"")
                .calledTimes(3);
        assertThat(control.fault(id).fired()).isEqualTo(2);
        String list = call("GET", mcr.getManagementUrl() + "/v0/registries", user, null)
                .body();
        assertThat(list).contains("\"total\":1").contains("retried");
    }

    @Test
    void rawRulesListRemoveAndClear() {
        McrUser user = McrUser.random();
        String id = control.addFault("{\"operationId\":\"getRegistries\",\"status\":429,\"retryAfterSeconds\":5}");
        HttpResponse<String> limited = call("GET", mcr.getManagementUrl() + "/v0/registries", user, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("5");
        assertThat(control.faults()).extracting(ActiveFault::id).containsExactly(id);

        control.removeFault(id);
        assertThat(call("GET", mcr.getManagementUrl() + "/v0/registries", user, null)
                        .statusCode())
                .isEqualTo(200);
        assertThatThrownBy(() -> control.removeFault(id)).hasMessageContaining("404");

        control.addFault(FaultSpec.operation("getRegistries").status(500));
        control.clearFaults();
        assertThat(control.faults()).isEmpty();
        assertThatThrownBy(() ->
                        control.addFault(FaultSpec.operation("noSuchOperation").status(500)))
                .isInstanceOfSatisfying(
                        ControlApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("noSuchOperation");
    }

    @Test
    void journalAndUnmatchedRequests() {
        McrUser user = McrUser.random();
        call("POST", mcr.getManagementUrl() + "/v0/registries", user, "{\"name\":\"journaled\"}");
        assertThat(control.requests(Map.of("operationId", "createRegistry", "tenant", user.tenantId())))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.requestBody()).isEqualTo("{\"name\":\"journaled\"}");
                    assertThat(r.status()).isEqualTo(201);
                });
        control.verify("deleteRegistry").neverCalled();
        assertThatThrownBy(() -> control.verify("listRegistries")).hasMessageContaining("did you mean getRegistries?");
        control.assertNoUnmatchedRequests();

        call("GET", mcr.getManagementUrl() + "/v0/registrys", user, null);
        assertThat(control.unmatchedRequests())
                .extracting(RecordedRequest::path)
                .containsExactly("/br-se1/container-registry/v0/registrys");
        assertThatThrownBy(control::assertNoUnmatchedRequests)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 request(s) matched no route")
                .hasMessageContaining("/v0/registrys");
    }

    @Test
    void exportImportAndSnapshots() {
        McrUser user = McrUser.random();
        call("POST", mcr.getManagementUrl() + "/v0/registries", user, "{\"name\":\"snap-one\"}");
        control.saveSnapshot("one");
        String doc = control.export(Map.of("tenant", user.tenantId()));
        assertThat(doc).contains("\"version\":1").contains("snap-one");
        assertThat(control.snapshots()).extracting(SnapshotInfo::name).containsExactly("one");

        call("POST", mcr.getManagementUrl() + "/v0/registries", user, "{\"name\":\"snap-two\"}");
        control.restoreSnapshot("one");
        assertThat(call("GET", mcr.getManagementUrl() + "/v0/registries", user, null)
                        .body())
                .contains("snap-one")
                .doesNotContain("snap-two");

        mcr.reset();
        assertThat(control.export()).doesNotContain("snap-one");
        control.importDocument(doc);
        assertThat(call("GET", mcr.getManagementUrl() + "/v0/registries", user, null)
                        .body())
                .contains("snap-one");
        assertThatThrownBy(() -> control.importDocument("{\"version\":99}")).hasMessageContaining("400");
        control.deleteSnapshot("one");
    }

    @Test
    void clockAndOperations() {
        Instant at = Instant.parse("2031-05-06T07:08:09Z");
        control.fixClock(at);
        assertThat(control.now()).isEqualTo(at);
        control.advanceClock(Duration.ofHours(2));
        assertThat(control.now()).isEqualTo(at.plus(Duration.ofHours(2)));
        McrUser user = McrUser.random();
        call("POST", mcr.getManagementUrl() + "/v0/registries", user, "{\"name\":\"clocked\"}");
        assertThat(control.export(Map.of("tenant", user.tenantId())))
                .contains("\"created_at\":\"2031-05-06T09:08:09Z\"");
        control.resumeClock();
        assertThat(control.now()).isBefore(at);

        assertThat(control.operations())
                .extracting(OperationInfo::operationId, OperationInfo::api)
                .contains(tuple("createRegistry", "management"))
                .anyMatch(t -> t.toList().contains("oci"));
    }

    @Test
    void scanFindingsHoldsAndFailuresFromTheContainerFacade() {
        McrUser user = McrUser.random();
        String digest = "sha256:" + "cd".repeat(32);
        String registryId = java.util.UUID.randomUUID().toString();
        String repositoryId = java.util.UUID.randomUUID().toString();
        control.importDocument(
                "{\"registries\":[{\"tenant\":\"" + user.tenantId() + "\",\"id\":\"" + registryId
                        + "\",\"name\":\"scanned\",\"repositories\":[{\"id\":\"" + repositoryId
                        + "\",\"name\":\"app\",\"images\":[{\"digest\":\"" + digest + "\",\"tags\":[\"1.0\"]}]}]}]}",
                Map.of("mode", "merge"));
        control.setFindings(
                digest,
                McrVulnerability.of("CVE-2024-6387", "high", "openssh-client", "1:9.2p1-2")
                        .fixedVersion("1:9.2p1-2+deb12u3")
                        .targetPath("/usr/bin/ssh")
                        .description("regreSSHion")
                        .links("https://nvd.nist.gov/vuln/detail/CVE-2024-6387")
                        .allowlisted(true)
                        .preferredCvss(8.1, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H")
                        .cvss("nvd", 8.1, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        control.setFindingsForTag("scanned", "app", "1.0", McrVulnerability.of("CVE-1", "low", "zlib", "1"));
        assertThat(control.findings()).extracting(f -> f.get("digest")).contains(digest);
        assertThat(control.findings()).extracting(f -> f.get("tag")).contains("1.0");
        String scans = mcr.getManagementUrl() + "/v1/registries/" + registryId + "/repositories/" + repositoryId
                + "/images/1.0/scans";

        control.holdScansRunning();
        String held = id(call("POST", scans, user, null));
        assertThat(scan(user, held)).contains("\"status\":\"running\"");
        assertThat(control.completeAllScans()).isEqualTo(1);
        assertThat(scan(user, held)).contains("\"status\":\"completed\"").contains("\"high\":1");
        String vulns = call("GET", mcr.getManagementUrl() + "/v1/scans/" + held + "/vulnerabilities", user, null)
                .body();
        assertThat(vulns)
                .contains("\"fixable\":true")
                .contains("\"is_allowlisted\":true")
                .contains("\"source\":\"nvd\"")
                .contains("regreSSHion");

        control.releaseScans();
        control.failNextScans(1);
        assertThat(scan(user, id(call("POST", scans, user, null)))).contains("\"status\":\"failed\"");
        assertThat(control.scanSettings()).containsEntry("fail_next", 0L).containsEntry("hold", "none");
        control.clearFindings();
        assertThat(control.findings()).isEmpty();
    }

    private static String id(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return (String) Json.object(r.body()).get("id");
    }

    private static String scan(McrUser user, String id) {
        HttpResponse<String> r = call("GET", mcr.getManagementUrl() + "/v1/scans/" + id, user, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
