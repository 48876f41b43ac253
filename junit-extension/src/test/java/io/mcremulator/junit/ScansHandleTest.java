package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.core.scan.Cvss;
import io.mcremulator.core.scan.Severity;
import io.mcremulator.core.scan.Vulnerability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mcr.scans()}: findings per digest and per tag, holds and failures, put back when the test ends. */
@McrEmulatorTest(isolation = Isolation.RESET)
class ScansHandleTest {
    static final String DIGEST = "sha256:" + "ab".repeat(32);

    private record Target(String registryId, String repositoryId) {}

    private static Target seedImage(McrEmulator mcr, String registry) {
        mcr.seed(s -> s.registry(
                registry,
                r -> r.repository(
                        "app", repo -> repo.image(i -> i.digest(DIGEST).tags("1.0")))));
        String list = Http.get(mcr.managementUrl() + "/v0/registries", "Authorization", mcr.authorizationHeader())
                .body();
        String regId = list.replaceAll("(?s).*\"id\":\"([^\"]+)\",\"name\":\"" + registry + "\".*", "$1");
        String repos = Http.get(
                        mcr.managementUrl() + "/v1/registries/" + regId + "/repositories",
                        "Authorization",
                        mcr.authorizationHeader())
                .body();
        return new Target(regId, repos.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1"));
    }

    private static String schedule(McrEmulator mcr, Target t, String ref) {
        var r = Http.postJson(
                mcr.managementUrl() + "/v1/registries/" + t.registryId() + "/repositories/" + t.repositoryId()
                        + "/images/" + ref + "/scans",
                "Authorization",
                mcr.authorizationHeader(),
                "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static String get(McrEmulator mcr, String path) {
        var r = Http.get(mcr.managementUrl() + path, "Authorization", mcr.authorizationHeader());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void findingsByDigestWithEveryField(McrEmulator mcr) {
        Target t = seedImage(mcr, mcr.uniqueName("h"));
        Cvss.Score nvd = new Cvss.Score(9.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        mcr.scans()
                .findings(
                        DIGEST,
                        Vulnerability.of(
                                "CVE-2023-38545",
                                Severity.CRITICAL,
                                "curl",
                                "7.88.1-10",
                                "7.88.1-10+deb12u4",
                                null,
                                "/usr/bin/curl",
                                "SOCKS5 heap overflow",
                                List.of("https://curl.se/docs/CVE-2023-38545.html"),
                                true,
                                Cvss.of(nvd, null, Map.of("nvd", nvd))),
                        Vulnerability.of("CVE-2016-2781", Severity.LOW, "coreutils", "9.1-1"));
        String id = schedule(mcr, t, "1.0");
        String scan = get(mcr, "/v1/scans/" + id);
        assertThat(scan)
                .contains("\"status\":\"completed\"")
                .contains("\"total\":2")
                .contains("\"critical\":1");
        String vulns = get(mcr, "/v1/scans/" + id + "/vulnerabilities?severity=critical");
        assertThat(vulns)
                .contains("\"cve_id\":\"CVE-2023-38545\"")
                .contains("\"is_allowlisted\":true")
                .contains("\"fixed_version\":\"7.88.1-10+deb12u4\"")
                .contains("\"fixable\":true")
                .contains("\"source\":\"nvd\"")
                .doesNotContain("CVE-2016-2781");
    }

    @Test
    void findingsByTagHoldAndFailures(McrEmulator mcr) {
        String registry = mcr.uniqueName("t");
        Target t = seedImage(mcr, registry);
        mcr.scans().findingsForTag(registry, "app", "1.0", Vulnerability.of("CVE-1", Severity.HIGH, "zlib", "1.2"));
        mcr.scans().holdRunning();
        String held = schedule(mcr, t, "1.0");
        assertThat(get(mcr, "/v1/scans/" + held)).contains("\"status\":\"running\"");
        assertThat(mcr.scans().completeAll()).isEqualTo(1);
        assertThat(get(mcr, "/v1/scans/" + held))
                .contains("\"status\":\"completed\"")
                .contains("\"high\":1");
        mcr.scans().release();
        mcr.scans().failNext(1);
        assertThat(get(mcr, "/v1/scans/" + schedule(mcr, t, DIGEST))).contains("\"status\":\"failed\"");
    }

    @Test
    void theHandlePutsScanSettingsAndFindingsBackWhenTheTestEnds(McrEmulator mcr) {
        mcr.scans().holdPending();
        mcr.scans().findings(DIGEST, Vulnerability.of("CVE-1", Severity.LOW, "x", "1"));
        ((DefaultMcrEmulator) mcr).close(); // what the extension does when the test ends
        var control = new io.mcremulator.client.HttpEmulatorControl(mcr.baseUrl());
        assertThat(control.scanSettings()).containsEntry("hold", "none");
        assertThat(control.findings()).isEmpty();
    }
}
