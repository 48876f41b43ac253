package io.mcremulator.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcremulator.testsupport.External;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rest-assured filter on every request of the API tests: checks what every management response must have
 * ({@code X-Request-ID}, {@code X-Mgc-Trace-Id}, {@code Content-Type: application/json} on a body), and validates
 * each JSON body against the OpenAPI schema of its operation and status in every spec file that has the
 * operation: 0.1.0 (or the v0 routes file) and the live 2026-05 file ({@link OpenApiContract#findAll}); an
 * operation only the 2026-05 file has is validated against that one. A response that breaks the contract fails
 * the test that received it. Tests get it through {@code ApiTestBase}; new operations need nothing more than
 * their route in the spec files.
 *
 * <p>The OpenAPI files come from the shared folder ({@code mcr.shared.dir}); where it is absent the schema part
 * is skipped with a warning on stderr (once per test JVM), unless external parts are mandatory (CI), where every
 * response then fails.
 */
public final class ContractFilter implements Filter {
    public static final ContractFilter INSTANCE = new ContractFilter();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenApiContract contract;
    private final String missingReason;
    /** Validated responses per "operationId status", for the coverage report. */
    private final ConcurrentMap<String, AtomicInteger> validated = new ConcurrentHashMap<>();

    private ContractFilter() {
        Path shared = External.sharedDirOrNull();
        OpenApiContract c = null;
        String reason = null;
        if (shared == null) {
            reason = External.sharedDirMissing();
            // Said once, loudly: the API tests still run, but nothing checks their answers against the OpenAPI files.
            System.err.println("WARNING: OpenAPI validation of API responses is OFF in this run: " + reason
                    + ". Check out the shared folder beside the project, or set -Dmcr.requireExternal=true (CI) to"
                    + " make this a failure.");
        } else {
            c = OpenApiContract.load(shared);
        }
        this.contract = c;
        this.missingReason = reason;
        if (c != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::report, "contract-report"));
        }
    }

    private static List<String> noContentProblems(List<OpenApiContract.Op> ops, JsonNode body) {
        if (body != null) return List.of("204 with a body");
        if (ops.isEmpty()) return List.of("204 for a route the spec does not have");
        return ops.stream()
                .filter(op -> !op.operation().getResponses().containsKey("204"))
                .map(op -> "204 is not a documented status of " + op.id() + " in " + op.file())
                .toList();
    }

    /** Writes target/contract-coverage.txt at the end of the test JVM: validated operation/status pairs, spec operations with no 2xx. */
    private void report() {
        StringBuilder sb = new StringBuilder("contract coverage (operation status: validated responses):\n");
        new java.util.TreeMap<>(validated)
                .forEach((k, v) ->
                        sb.append("  ").append(k).append(": ").append(v.get()).append('\n'));
        java.util.stream.Stream.of(contract.mainOperations(), contract.v0RouteOperations(), contract.latestOperations())
                .flatMap(List::stream)
                .map(OpenApiContract.Op::id)
                .distinct()
                .filter(id -> validated.keySet().stream().noneMatch(k -> k.startsWith(id + " 2")))
                .forEach(id -> sb.append("  NO 2xx VALIDATED: ").append(id).append('\n'));
        try {
            java.nio.file.Files.writeString(Path.of("target", "contract-coverage.txt"), sb);
        } catch (java.io.IOException e) {
            System.err.print(sb);
        }
    }

    public boolean active() {
        return contract != null;
    }

    public OpenApiContract contract() {
        return contract;
    }

    public Map<String, AtomicInteger> validated() {
        return validated;
    }

    @Override
    public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
        Response response = ctx.next(req, res);
        String rawPath = URI.create(req.getURI()).getRawPath();
        if (rawPath.startsWith("/_emulator")) return response;
        String where = req.getMethod() + " " + req.getURI() + " -> " + response.statusCode();
        if (response.header("X-Request-ID") == null || response.header("X-Mgc-Trace-Id") == null) {
            throw new AssertionError(where + ": missing X-Request-ID or X-Mgc-Trace-Id header");
        }
        String text = response.asString();
        JsonNode body = null;
        if (text != null && !text.isEmpty()) {
            String ct = response.contentType();
            if (ct == null || !ct.startsWith("application/json")) {
                throw new AssertionError(where + ": body with Content-Type '" + ct + "', expected application/json");
            }
            try {
                body = MAPPER.readTree(text);
            } catch (Exception e) {
                throw new AssertionError(where + ": body is not JSON: " + text);
            }
        } else if (response.statusCode() != 204 && response.statusCode() < 300) {
            throw new AssertionError(where + ": a 2xx other than 204 needs a body (the Go SDK fails on an empty one)");
        }
        if (contract == null) {
            if (External.required()) throw new AssertionError("contract check is mandatory here but " + missingReason);
            return response;
        }
        List<OpenApiContract.Op> ops = contract.findAll(req.getMethod(), rawPath);
        List<String> problems = response.statusCode() == 204
                ? noContentProblems(ops, body)
                : contract.validateAll(req.getMethod(), rawPath, response.statusCode(), body);
        if (!problems.isEmpty())
            throw new AssertionError(
                    where + " breaks the OpenAPI contract:\n  " + String.join("\n  ", problems) + "\n  body: " + text);
        validated
                .computeIfAbsent(
                        (ops.isEmpty() ? "(no route)" : ops.get(0).id()) + " " + response.statusCode(),
                        k -> new AtomicInteger())
                .incrementAndGet();
        return response;
    }
}
