package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The switch {@code failOnUnmatchedRequests}: a test that called a route the emulator does not have fails after it
 * ran, naming the request; a test that did not passes. The classes under test are nested and run by EngineTestKit.
 */
class FailOnUnmatchedRequestsTest {

    @Test
    void annotationSwitchFailsTheTestNamingTheRequest() {
        EngineExecutionResults r = run(ByAnnotation.class);
        assertThat(r.testEvents().succeeded().count()).isEqualTo(1);
        List<String> failures = failures(r);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0))
                .contains("matched no route of the emulator")
                .contains("POST /br-se1/container-registry/v0/registries/nope/replicate -> 404");
    }

    @Test
    void builderSwitchCatchesRequestsWithoutCredentialsToo() {
        EngineExecutionResults r = run(ByBuilder.class);
        assertThat(r.testEvents().succeeded().count()).isZero();
        assertThat(failures(r)).singleElement().asString().contains("GET /v3/registries -> 404");
    }

    @Test
    void withoutTheSwitchNothingFails() {
        EngineExecutionResults r = run(SwitchOff.class);
        assertThat(r.testEvents().failed().count()).isZero();
        assertThat(r.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void aBadSwitchValueNamesTheOption() {
        EngineExecutionResults r = run(BadValue.class);
        assertThat(r.testEvents().succeeded().count()).isZero();
        assertThat(String.join("\n", failures(r))
                        + r.containerEvents().failed().stream()
                                .map(e -> e.getPayload(TestExecutionResult.class)
                                        .flatMap(TestExecutionResult::getThrowable)
                                        .map(Throwable::getMessage)
                                        .orElse(""))
                                .toList())
                .contains("option 'failOnUnmatchedRequests=maybe': expected true or false");
    }

    private static EngineExecutionResults run(Class<?> type) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .selectors(selectClass(type))
                .execute();
    }

    private static List<String> failures(EngineExecutionResults r) {
        return r.testEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .map(t -> t.getClass().getName() + ": " + t.getMessage())
                        .orElse(""))
                .toList();
    }

    // ---- classes run by the tests above (nested, so the build's own test run does not pick them up) ----

    @McrEmulatorTest(failOnUnmatchedRequests = true)
    static class ByAnnotation {
        @Test
        void callsARouteThatDoesNotExist(McrEmulator mcr) {
            Http.postJson(
                    mcr.managementUrl() + "/v0/registries/nope/replicate",
                    "Authorization",
                    mcr.authorizationHeader(),
                    "{}");
        }

        @Test
        void callsOnlyRealRoutes(McrEmulator mcr) {
            Http.get(mcr.managementUrl() + "/v0/registries", "Authorization", mcr.authorizationHeader());
        }
    }

    static class ByBuilder {
        @RegisterExtension
        static McrEmulatorExtension emu =
                McrEmulatorExtension.builder().failOnUnmatchedRequests(true).build();

        @Test
        void callsAnUnknownVersionWithoutCredentials(McrEmulator mcr) {
            Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(mcr.baseUrl() + "/v3/registries"))
                    .GET()
                    .build());
        }
    }

    @McrEmulatorTest(options = "failOnUnmatchedRequests=maybe")
    static class BadValue {
        @Test
        void test(McrEmulator mcr) {}
    }

    @McrEmulatorTest
    static class SwitchOff {
        @Test
        void callsARouteThatDoesNotExist(McrEmulator mcr) {
            Http.get(mcr.managementUrl() + "/v0/registries/nope/replicate", "Authorization", mcr.authorizationHeader());
        }
    }
}
