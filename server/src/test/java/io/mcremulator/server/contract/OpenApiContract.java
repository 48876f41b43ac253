package io.mcremulator.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The MCR contract as the OpenAPI files state it: finds the operation of a request (method + path template) and
 * validates a JSON response body against the schema of that operation and status.
 *
 * <p>Which file: the v0 repository/image routes by name come from {@code container-registry-2025-06-v0-routes}
 * (they are not in 0.1.0); everything else from {@code container-registry-0.1.0}. The live product's file,
 * {@code container-registry-2026-05-latest}, is a superset of 0.1.0: a request is validated against every file
 * that has its operation ({@link #findAll}), so an operation of both is checked against both, and an operation
 * only the 2026-05 file has (users, members, scans) against that one alone. Documented deviations:
 * GET of one repository answers 200 where the spec (sic) says 201, so a 200 there is checked against the 201
 * schema; error statuses the spec does not list for an operation (404 unknown route, 405, 409, 413) are checked
 * against the spec's {@code Error} schema.
 */
public final class OpenApiContract {
    public static final String MAIN_FILE = "container-registry-0.1.0.openapi.yaml";
    public static final String V0_ROUTES_FILE = "container-registry-2025-06-v0-routes.openapi.yaml";
    public static final String LATEST_FILE = "container-registry-2026-05-latest.openapi.yaml";

    private static final Pattern REGION_PREFIX = Pattern.compile("^/[^/]+/container-registry(/v[01]/.*)$");
    private static final Pattern V0_REPOSITORY_PATH = Pattern.compile("^/v0/registries/([^/]+)/repositories/(.+)$");
    private static final Set<String> GET_REPOSITORY_OPS = Set.of("getRepositoryV1", "getRepository");

    /** One operation of one spec file. */
    public record Op(String file, String method, String template, Pattern regex, Operation operation) {
        public String id() {
            return operation.getOperationId();
        }
    }

    private final List<Op> main;
    private final List<Op> v0Routes;
    private final List<Op> latest;
    private final JsonNode errorSchema;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private OpenApiContract(OpenAPI mainApi, OpenAPI v0Api, OpenAPI latestApi) {
        this.main = operations(MAIN_FILE, mainApi);
        this.v0Routes = operations(V0_ROUTES_FILE, v0Api);
        this.latest = operations(LATEST_FILE, latestApi);
        this.errorSchema = toJson(mainApi.getComponents().getSchemas().get("Error"));
    }

    /** Loads the three files from {@code <shared>/spec/openapi}. */
    public static OpenApiContract load(Path sharedDir) {
        Path dir = sharedDir.resolve("spec/openapi");
        return new OpenApiContract(
                parse(dir.resolve(MAIN_FILE)), parse(dir.resolve(V0_ROUTES_FILE)), parse(dir.resolve(LATEST_FILE)));
    }

    private static OpenAPI parse(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalStateException("OpenAPI file missing: " + file);
        ParseOptions o = new ParseOptions();
        o.setResolve(true);
        o.setResolveFully(true);
        var result = new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, o);
        if (result.getOpenAPI() == null)
            throw new IllegalStateException("cannot parse " + file + ": " + result.getMessages());
        return result.getOpenAPI();
    }

    private static List<Op> operations(String file, OpenAPI api) {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
            String template = e.getKey();
            Pattern regex = Pattern.compile("^" + template.replaceAll("\\{[^}]+}", "[^/]+") + "$");
            e.getValue().readOperationsMap().forEach((m, op) -> ops.add(new Op(file, m.name(), template, regex, op)));
        }
        return List.copyOf(ops);
    }

    public List<Op> mainOperations() {
        return main;
    }

    public List<Op> v0RouteOperations() {
        return v0Routes;
    }

    /** Every operation of the 2026-05 file (the live product). */
    public List<Op> latestOperations() {
        return latest;
    }

    /** The operations only the 2026-05 file has (not in 0.1.0 nor in the v0 routes file). */
    public List<Op> latestOnlyOperations() {
        Set<String> older = java.util.stream.Stream.concat(main.stream(), v0Routes.stream())
                .map(Op::id)
                .collect(Collectors.toSet());
        return latest.stream().filter(o -> !older.contains(o.id())).toList();
    }

    /** The operation of the 2026-05 file a request hits, if that file has one. */
    public Optional<Op> findLatest(String method, String rawPath) {
        String path = specPath(rawPath);
        return latest.stream()
                .filter(o -> o.method().equalsIgnoreCase(method)
                        && o.regex().matcher(path).matches())
                .findFirst();
    }

    /**
     * Every spec operation a request hits, one per file that has it: the 0.1.0 (or v0 routes) one first, then
     * the 2026-05 one. Empty when no file has the route. Validate the response against each.
     */
    public List<Op> findAll(String method, String rawPath) {
        List<Op> all = new ArrayList<>(2);
        find(method, rawPath).ifPresent(all::add);
        findLatest(method, rawPath)
                .filter(l -> all.stream().noneMatch(o -> o.file().equals(l.file())))
                .ifPresent(all::add);
        return all;
    }

    /** Validates one response against every file that has its operation ({@link #findAll}); no route: Error. */
    public List<String> validateAll(String method, String rawPath, int status, JsonNode body) {
        List<Op> ops = findAll(method, rawPath);
        if (ops.isEmpty()) return validate(Optional.empty(), status, body);
        List<String> problems = new ArrayList<>();
        for (Op o : ops) problems.addAll(validate(Optional.of(o), status, body));
        return problems;
    }

    /** Strips {@code /{region}/container-registry}: the spec's paths start at {@code /v0} or {@code /v1}. */
    public static String specPath(String rawPath) {
        Matcher m = REGION_PREFIX.matcher(rawPath);
        String p = m.matches() ? m.group(1) : rawPath;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The operation a request hits in 0.1.0 or the v0 routes file, else in the 2026-05 file, if any has one. */
    public Optional<Op> find(String method, String rawPath) {
        String path = specPath(rawPath);
        Matcher v0 = V0_REPOSITORY_PATH.matcher(path);
        if (v0.matches()) {
            // Names contain '/': read the rest from the right, as the server does.
            String rest = URLDecoder.decode(v0.group(2), StandardCharsets.UTF_8);
            String template = rest.endsWith("/images")
                    ? "/v0/registries/{registry_id}/repositories/{repository_name}/images"
                    : rest.contains("/images/")
                            ? "/v0/registries/{registry_id}/repositories/{repository_name}/images/{digest_or_tag}"
                            : "/v0/registries/{registry_id}/repositories/{repository_name}";
            return v0Routes.stream()
                    .filter(o ->
                            o.method().equalsIgnoreCase(method) && o.template().equals(template))
                    .findFirst();
        }
        List<Op> source = path.startsWith("/v0/registries/") && path.contains("/repositories") ? v0Routes : main;
        Optional<Op> older = source.stream()
                .filter(o -> o.method().equalsIgnoreCase(method)
                        && o.regex().matcher(path).matches())
                .findFirst();
        return older.isPresent() ? older : findLatest(method, rawPath);
    }

    /**
     * Validates one response. Returns the problems found (empty when it conforms). {@code op} may be empty
     * (no such route): then only an error body is acceptable.
     */
    public List<String> validate(Optional<Op> op, int status, JsonNode body) {
        JsonNode schema;
        String where;
        if (op.isEmpty()) {
            if (status < 400) return List.of("status " + status + " for a route the spec does not have");
            schema = errorSchema;
            where = "Error (no such route in the spec)";
        } else {
            Op o = op.get();
            where = o.file() + " " + o.method() + " " + o.template() + " " + status;
            ApiResponse response = o.operation().getResponses().get(String.valueOf(status));
            if (response == null && status == 200 && GET_REPOSITORY_OPS.contains(o.id())) {
                response = o.operation().getResponses().get("201"); // documented deviation: 200 where the spec says 201
            }
            if (response == null) {
                if (status < 400) return List.of(where + ": status not documented for " + o.id());
                schema = errorSchema;
                where += " (undocumented error status, checked against Error)";
            } else {
                MediaType mt = response.getContent() == null
                        ? null
                        : response.getContent().get("application/json");
                if (mt == null || mt.getSchema() == null) {
                    return body == null || body.isMissingNode()
                            ? List.of()
                            : List.of(where + ": spec has no body, got " + body);
                }
                schema = toJson(mt.getSchema());
            }
        }
        if (body == null || body.isMissingNode()) return List.of(where + ": expected a JSON body, got none");
        JsonSchema s = compiled.computeIfAbsent(schema.toString(), k -> factory.getSchema(schema));
        Set<ValidationMessage> errors = s.validate(body);
        if (errors.isEmpty()) return List.of();
        String w = where;
        return errors.stream().map(e -> w + ": " + e.getMessage()).collect(Collectors.toList());
    }

    private static JsonNode toJson(Schema<?> schema) {
        try {
            return Json.mapper().readTree(Json.mapper().writeValueAsString(schema));
        } catch (Exception e) {
            throw new IllegalStateException("cannot convert schema: " + e, e);
        }
    }
}
