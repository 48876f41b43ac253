package io.mcremulator.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcremulator.server.contract.OpenApiContract;
import io.mcremulator.server.support.External;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Validates every management response of the scan tests against the 2026-05 OpenAPI file (the scan operations are
 * not in 0.1.0): headers, JSON body, schema of the operation and status, and 204 only where documented.
 */
final class ScanContractFilter implements Filter {
    static final ScanContractFilter INSTANCE = new ScanContractFilter();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final OpenApiContract contract;

    private ScanContractFilter() {
        Path shared = External.sharedDirOrNull();
        this.contract = shared == null ? null : OpenApiContract.loadLatest(shared);
    }

    @Override
    public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
        Response response = ctx.next(req, res);
        String rawPath = URI.create(req.getURI()).getRawPath();
        if (rawPath.startsWith("/_emulator") || rawPath.startsWith("/v2")) return response;
        String where = req.getMethod() + " " + req.getURI() + " -> " + response.statusCode();
        if (response.header("X-Request-ID") == null) throw new AssertionError(where + ": missing X-Request-ID header");
        String text = response.asString();
        JsonNode body = null;
        if (text != null && !text.isEmpty()) {
            String ct = response.contentType();
            if (ct == null || !ct.startsWith("application/json"))
                throw new AssertionError(where + ": body with Content-Type '" + ct + "'");
            try {
                body = MAPPER.readTree(text);
            } catch (Exception e) {
                throw new AssertionError(where + ": body is not JSON: " + text);
            }
        }
        if (contract == null) {
            if (External.required()) throw new AssertionError("the shared OpenAPI files are mandatory here");
            return response;
        }
        Optional<OpenApiContract.Op> op = contract.find(req.getMethod(), rawPath);
        List<String> problems;
        if (response.statusCode() == 204) {
            problems = body != null
                    ? List.of("204 with a body")
                    : op.isPresent() && op.get().operation().getResponses().containsKey("204")
                            ? List.of()
                            : List.of("204 is not documented here");
        } else {
            problems = contract.validate(op, response.statusCode(), body);
        }
        if (!problems.isEmpty())
            throw new AssertionError(
                    where + " breaks the 2026-05 contract:\n  " + String.join("\n  ", problems) + "\n  body: " + text);
        return response;
    }
}
