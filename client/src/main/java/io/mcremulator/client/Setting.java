package io.mcremulator.client;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one catalogue of the emulator's settings: each constant is one setting with its flag, environment variable,
 * JUnit option name, type, default and description. Everything that takes settings is driven from here:
 *
 * <ul>
 *   <li>the standalone runner's parser and {@code --help} ({@code server}'s {@code Main});
 *   <li>the server's one place that turns values into configuration ({@code server}'s {@code SettingsApplier});
 *   <li>the JUnit extension's {@code options = {"name=value"}} ({@code junit-extension}'s {@code Options});
 *   <li>the Testcontainers container's {@code withX} methods ({@code McrEmulatorContainer#with(Setting, Object)});
 *   <li>the flag table of README.md ({@code SettingsDocsTest} fails when the two differ).
 * </ul>
 *
 * <h2>How to add a setting</h2>
 *
 * <ol>
 *   <li>Add a constant here, e.g. {@code FOO_LIMIT(flag("foo-limit").integer().dflt("10").junit().container()
 *       .doc("what it does"))}. The environment variable ({@code MCR_FOO_LIMIT}) and the option name
 *       ({@code fooLimit}) follow from the flag; {@code .env(..)} and {@code .name(..)} override them. Say where it
 *       applies: {@link #flag} makes a flag and an environment variable of the standalone runner (and so of the Docker
 *       image), {@code .junit()} a JUnit option, {@code .container()} a typed {@code withFooLimit} method; a JUnit-only
 *       switch of the extension starts with {@link #junitOnly}.
 *   <li>Handle it in the server's {@code SettingsApplier.apply} (one {@code case}); {@code SettingsApplierTest} fails
 *       for a catalogue setting the server does not apply.
 *   <li>With {@code .container()}: add {@code withFooLimit(int)} to {@code McrEmulatorContainer}, calling
 *       {@code with(Setting.FOO_LIMIT, value)}; {@code ContainerSettingsTest} fails when it is missing.
 *   <li>Add its row to README.md's flag table ({@code SettingsDocsTest} prints the expected row) and, with
 *       {@code .junit()}, to docs/junit.md's option table.
 * </ol>
 */
public enum Setting {
    PORT(flag("port").integer().dflt("8080").doc("`0` picks a free port (printed in the ready line)")),
    HOST(flag("host").text().dflt("127.0.0.1").doc("bind address (the Docker image sets `0.0.0.0`)")),
    SEED(flag("seed")
            .env("MCR_SEED_FILE")
            .file()
            .container()
            .doc("seed document loaded at start ([docs/seed-format.md](docs/seed-format.md))")),
    AUTH_MODE(flag("auth-mode")
            .choice("decode", "verify", "anonymous")
            .dflt("decode")
            .container()
            .doc("`decode`, `verify` or `anonymous` (see Auth)")),
    JWT_HS256_SECRET(flag("jwt-hs256-secret").text().container().doc("`verify` mode: HS256 shared secret")),
    JWT_RS256_PUBLIC_KEY(flag("jwt-rs256-public-key")
            .env("MCR_JWT_RS256_PUBLIC_KEY_FILE")
            .file()
            .container()
            .doc("`verify` mode: PEM file of the RS256 public key")),
    JWT_JWKS_URL(flag("jwt-jwks-url").name("jwksUrl").text().container().doc("`verify` mode: JWKS URL for RS256 keys")),
    JWT_REQUIRE_EXP(flag("jwt-require-exp")
            .bool()
            .dflt("true")
            .container()
            .doc("`verify` mode: refuse tokens without an `exp` claim (`false` accepts them)")),
    REGISTRY_NAME_MAX_LENGTH(flag("registry-name-max-length")
            .integer()
            .dflt("63")
            .junit()
            .container()
            .doc("registry-name limit (the 2026-05 spec says 45)")),
    PROXY_CACHE_NAME_MAX_LENGTH(flag("proxy-cache-name-max-length")
            .integer()
            .dflt("63")
            .junit()
            .container()
            .doc("proxy-cache-name limit")),
    NON_EMPTY_REGISTRY_DELETE(flag("non-empty-registry-delete")
            .choice("cascade", "conflict")
            .dflt("cascade")
            .junit()
            .container()
            .doc("or `conflict` (409)")),
    PROXY_CACHE_IN_USE_DELETE(flag("proxy-cache-in-use-delete")
            .choice("conflict", "allow")
            .dflt("conflict")
            .junit()
            .container()
            .doc("or `allow`")),
    GET_REPOSITORY_STATUS(flag("get-repository-status")
            .choice("200", "201")
            .dflt("200")
            .junit()
            .container()
            .doc("or 201, as the spec (sic) says")),
    DEFAULT_PAGE_LIMIT(
            flag("default-page-limit").integer().dflt("20").junit().container().doc("`_limit` when absent")),
    NEVER_PULLED(flag("never-pulled")
            .choice("zero-time", "pushed-at")
            .dflt("zero-time")
            .junit()
            .container()
            .doc("`pulled_at` of never-pulled images, or `pushed-at`")),
    EXISTING_USER_CREATE(flag("existing-user-create")
            .choice("same", "conflict")
            .dflt("same")
            .junit()
            .container()
            .doc("a second `POST /v0/users` by the same caller: `same` (201, the existing user) or `conflict` (409)")),
    REGISTRY_ACCESS(flag("registry-access")
            .choice("tenant", "members")
            .dflt("tenant")
            .junit()
            .container()
            .doc("who reaches a registry over `/v2`: `tenant` (its tenant, plus members of other tenants by role) or"
                    + " `members` (its creator and its members only)")),
    MAX_BODY_BYTES(flag("max-body-bytes")
            .integer()
            .dflt("1048576")
            .junit()
            .container()
            .doc("management-API request body limit (413 above; at least 1024)")),
    REGISTRY_REGION(flag("registry-region")
            .choice("br-se1", "br-ne1", "br-mgl1", "br-se-1")
            .dflt("br-se1")
            .junit()
            .container()
            .doc("the region whose registries `/v2` serves")),
    REGISTRY_AUTH(flag("registry-auth")
            .choice("bearer", "basic")
            .dflt("bearer")
            .junit()
            .container()
            .doc("`/v2` challenge: `bearer` (token endpoint `/service/token`) or `basic`")),
    REGISTRY_TOKEN_TTL_SECONDS(flag("registry-token-ttl-seconds")
            .longInteger()
            .dflt("1800")
            .junit()
            .container()
            .doc("lifetime of `/v2` bearer tokens (at least 60)")),
    BLOB_DIR(flag("blob-dir")
            .file()
            .dflt("memory")
            .junit()
            .container()
            .doc("keep blobs in this folder instead of memory (by default they live off the Java heap, see"
                    + " docs/behaviour.md)")),
    MAX_STORED_BYTES(flag("max-stored-bytes")
            .longInteger()
            .dflt("8 GiB")
            .junit()
            .container()
            .doc("cap on stored blob bytes; past it pushes get a clear error")),
    UPLOAD_EXPIRY_SECONDS(flag("upload-expiry-seconds")
            .longInteger()
            .dflt("3600")
            .junit()
            .container()
            .doc("abandoned upload sessions expire after this")),
    ID_SEED(flag("id-seed")
            .longInteger()
            .dflt("random")
            .junit()
            .container()
            .doc("deterministic ids and passwords from this seed")),
    FIXED_CLOCK(flag("fixed-clock")
            .timestamp()
            .dflt("system clock")
            .junit()
            .container()
            .doc("start with the clock fixed at this RFC 3339 instant")),
    JOURNAL_CAPACITY(flag("journal-capacity")
            .integer()
            .dflt("10000")
            .junit()
            .container()
            .doc("request-journal ring size (0 turns it off)")),
    JOURNAL_MAX_BODY_BYTES(flag("journal-max-body-bytes")
            .integer()
            .dflt("4096")
            .junit()
            .container()
            .doc("bytes of each request and response body a journal entry keeps")),
    RECORD_UNMATCHED(flag("record-unmatched")
            .bool()
            .dflt("true")
            .junit()
            .container()
            .doc("journal requests to routes that do not exist")),
    CONTROL_TOKEN(flag("control-token")
            .text()
            .junit()
            .container()
            .doc("require this token on `/_emulator` (`Authorization: Bearer <token>` or `X-MCR-Control-Token`);"
                    + " the health check, the links page `/_emulator` and the console's pages stay open")),
    CONTROL_ALLOWED_HOSTS(flag("control-allowed-hosts")
            .text()
            .container()
            .doc("host names `/_emulator` answers under besides IP addresses, `localhost` and the bound host"
                    + " (comma separated; `*`: any)")),
    SHUTDOWN_GRACE_SECONDS(flag("shutdown-grace-seconds")
            .integer()
            .dflt("10")
            .container()
            .doc("on SIGTERM, how long requests in flight may take to finish (new connections are refused at"
                    + " once; 0 to 600)")),
    DATA_DIR(flag("data-dir")
            .file()
            .dflt("none (memory)")
            .junit()
            .doc("keep state and blobs in this folder: they survive a restart (docs/behaviour.md, \"State that"
                    + " survives a restart\"); the container's way is `withDataVolume(name)`")),
    FLUSH_INTERVAL(flag("flush-interval")
            .duration()
            .dflt("1s")
            .junit()
            .container()
            .doc("with `--data-dir`: save changed state this often (`250ms`, `1s`, `2m`; a crash loses at most that"
                    + " much); `0` = write-through, nothing acknowledged is lost")),
    PROXY_UPSTREAM(flag("proxy-upstream")
            .text()
            .junit()
            .container()
            .doc("`PROVIDER=URL` or `URL=URL`: send proxy caches' upstream traffic elsewhere (repeatable;"
                    + " comma-separated in one value)")),
    PROXY_CACHE_PROBE(flag("proxy-cache-probe")
            .choice("offline", "network")
            .dflt("offline")
            .junit()
            .container()
            .doc("`network`: the proxy-cache status operations contact the upstream")),
    PROXY_UPSTREAM_TIMEOUT_SECONDS(flag("proxy-upstream-timeout-seconds")
            .integer()
            .dflt("30")
            .junit()
            .container()
            .doc("timeout of one proxy-cache upstream call (connect and headers)")),
    PROXY_UPSTREAM_ERRORS(flag("proxy-upstream-errors")
            .choice("not-found", "gateway")
            .dflt("not-found")
            .junit()
            .container()
            .doc("`gateway`: 502/504 instead of 404 with the reason when the upstream cannot serve a miss")),
    SCAN_PENDING_SECONDS(flag("scan-pending-seconds")
            .longInteger()
            .dflt("0")
            .junit()
            .container()
            .doc("how long a new image scan stays `pending` on the emulator's clock")),
    SCAN_RUNNING_SECONDS(flag("scan-running-seconds")
            .longInteger()
            .dflt("0")
            .junit()
            .container()
            .doc("how long an image scan then stays `running` before it completes")),
    SYNTHETIC_FINDINGS(flag("synthetic-findings")
            .bool()
            .dflt("false")
            .junit()
            .container()
            .doc("images without findings set get a stable synthetic set derived from their digest")),

    // ---- switches of the JUnit extension only (no server has them) ----
    CLEANUP_TENANTS(junitOnly("cleanupTenants")
            .bool()
            .dflt("true")
            .doc("remove each test's tenants after the test (TENANT isolation)")),
    TENANT_TYPE(
            junitOnly("tenantType").text().dflt("default").doc("type prefix of the `tenant` claim: `<type>.<uuid>`")),
    TENANT(junitOnly("tenant").text().doc("fixed tenant id of the test handle; only with `isolation = RESET`")),
    FAIL_ON_UNMATCHED_REQUESTS(junitOnly("failOnUnmatchedRequests")
            .bool()
            .dflt("false")
            .doc("after each test, fail it when it called a route the emulator does not have")),
    CONSOLE_LINK_ON_FAILURE(
            junitOnly("consoleLinkOnFailure")
                    .bool()
                    .dflt("true")
                    .doc(
                            "a failing test's message ends with the web console's link to its tenant ([docs/console.md](docs/console.md))"));

    /** Where a setting can be given. */
    public enum Where {
        /** A flag and an environment variable of the standalone runner (and so of the Docker image). */
        CLI,
        /** An option of the JUnit extension ({@code options = {"name=value"}}). */
        JUNIT,
        /** A typed {@code withX} method of the Testcontainers container. */
        CONTAINER
    }

    /** The type of a setting's value, which {@link #check(String)} enforces. */
    public enum Type {
        INTEGER("integer"),
        LONG("integer"),
        BOOLEAN("true or false"),
        CHOICE("one of"),
        TEXT("text"),
        PATH("file path"),
        TIMESTAMP("RFC 3339 instant"),
        DURATION("duration");

        private final String what;

        Type(String what) {
            this.what = what;
        }

        /** How the type reads in a help text: {@code integer}, {@code true or false}, ... */
        public String what() {
            return what;
        }
    }

    /** Shown as the default of a setting without one. */
    public static final String NO_DEFAULT = "—";

    private final String name;
    private final String flag;
    private final String env;
    private final Type type;
    private final List<String> choices;
    private final String defaultValue;
    private final String description;
    private final Set<Where> where;

    Setting(Spec s) {
        if (s.type == null || s.description == null)
            throw new IllegalStateException("setting " + s.name + " needs a type and a description");
        this.name = s.name;
        this.flag = s.flag;
        this.env = s.env;
        this.type = s.type;
        this.choices = List.copyOf(s.choices);
        this.defaultValue = s.dflt;
        this.description = s.description;
        this.where = s.where.isEmpty() ? EnumSet.noneOf(Where.class) : EnumSet.copyOf(s.where);
    }

    /** camelCase name: the JUnit option name, and {@code with<Name>} is the container's method. */
    public String optionName() {
        return name;
    }

    /** Flag of the standalone runner without the dashes ({@code registry-name-max-length}); null for JUnit-only ones. */
    public String flag() {
        return flag;
    }

    /** Environment variable of the standalone runner and the Docker image; null for JUnit-only ones. */
    public String env() {
        return env;
    }

    public Type type() {
        return type;
    }

    /** The accepted values of a {@link Type#CHOICE}, as written; empty for other types. */
    public List<String> choices() {
        return choices;
    }

    /** The default, as the docs show it ({@link #NO_DEFAULT} when there is none). */
    public String defaultValue() {
        return defaultValue;
    }

    /** One line for README.md's table and {@code --help} (Markdown: backticks and links). */
    public String description() {
        return description;
    }

    public boolean appliesTo(Where w) {
        return where.contains(w);
    }

    /** The name of the container method: {@code withRegistryNameMaxLength}. */
    public String containerMethod() {
        return "with" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The setting with this flag (without dashes). */
    public static Optional<Setting> byFlag(String flag) {
        return Arrays.stream(values())
                .filter(s -> s.appliesTo(Where.CLI) && s.flag.equals(flag))
                .findFirst();
    }

    /** The setting with this environment variable. */
    public static Optional<Setting> byEnv(String env) {
        return Arrays.stream(values())
                .filter(s -> s.appliesTo(Where.CLI) && s.env.equals(env))
                .findFirst();
    }

    /** The JUnit option with this name. */
    public static Optional<Setting> byOption(String option) {
        return Arrays.stream(values())
                .filter(s -> s.appliesTo(Where.JUNIT) && s.name.equals(option))
                .findFirst();
    }

    /** Every setting that applies to {@code w}, in catalogue order. */
    public static List<Setting> all(Where w) {
        return Arrays.stream(values()).filter(s -> s.appliesTo(w)).toList();
    }

    /**
     * Checks a value against the type and returns it normalised (trimmed; a choice as written in the catalogue,
     * whatever its case and whether it uses {@code _} or {@code -}; a boolean in lower case).
     *
     * @throws IllegalArgumentException saying what was expected, e.g. {@code expected an integer, got 'x'}
     */
    public String check(String value) {
        if (value == null) throw new IllegalArgumentException("expected " + expected() + ", got nothing");
        String v = value.trim();
        switch (type) {
            case INTEGER -> {
                try {
                    Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw bad(v);
                }
            }
            case LONG -> {
                try {
                    Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw bad(v);
                }
            }
            case BOOLEAN -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) throw bad(v);
                v = v.toLowerCase(Locale.ROOT);
            }
            case CHOICE -> {
                String wanted = v.toLowerCase(Locale.ROOT).replace('_', '-');
                v = choices.stream().filter(c -> c.equals(wanted)).findFirst().orElseThrow(() -> bad(value.trim()));
            }
            case TIMESTAMP -> {
                try {
                    OffsetDateTime.parse(v);
                } catch (DateTimeParseException e) {
                    throw bad(v);
                }
            }
            case DURATION -> {
                if (!v.toLowerCase(Locale.ROOT).matches("[0-9]+ *(ms|s|m)?")) throw bad(v);
                v = v.toLowerCase(Locale.ROOT).replace(" ", "");
            }
            case TEXT, PATH -> {}
        }
        return v;
    }

    /** What {@link #check} accepts, for messages: {@code an integer}, {@code one of cascade, conflict}. */
    public String expected() {
        return switch (type) {
            case INTEGER, LONG -> "an integer";
            case CHOICE -> "one of " + String.join(", ", choices);
            case TIMESTAMP -> "an RFC 3339 timestamp such as 2024-05-15T19:56:47Z";
            case DURATION -> "a duration such as 0, 250ms, 1s or 2m (a plain number is milliseconds)";
            default -> type.what();
        };
    }

    private IllegalArgumentException bad(String v) {
        return new IllegalArgumentException("expected " + expected() + ", got '" + v + "'");
    }

    // ---- the little language of the constants above ----

    private static Spec flag(String flag) {
        Spec s = new Spec();
        s.flag = flag;
        s.env = "MCR_" + flag.toUpperCase(Locale.ROOT).replace('-', '_');
        s.name = camel(flag);
        s.where.add(Where.CLI);
        return s;
    }

    private static Spec junitOnly(String option) {
        Spec s = new Spec();
        s.name = option;
        s.where.add(Where.JUNIT);
        return s;
    }

    private static String camel(String flag) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : flag.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** Collects one constant's facts; only used while the catalogue is built. */
    private static final class Spec {
        private String name;
        private String flag;
        private String env;
        private Type type;
        private List<String> choices = List.of();
        private String dflt = NO_DEFAULT;
        private String description;
        private final Set<Where> where = EnumSet.noneOf(Where.class);

        Spec env(String variable) {
            env = variable;
            return this;
        }

        Spec name(String camelCaseName) {
            name = camelCaseName;
            return this;
        }

        Spec integer() {
            type = Type.INTEGER;
            return this;
        }

        Spec longInteger() {
            type = Type.LONG;
            return this;
        }

        Spec bool() {
            type = Type.BOOLEAN;
            return this;
        }

        Spec text() {
            type = Type.TEXT;
            return this;
        }

        Spec file() {
            type = Type.PATH;
            return this;
        }

        Spec timestamp() {
            type = Type.TIMESTAMP;
            return this;
        }

        Spec duration() {
            type = Type.DURATION;
            return this;
        }

        Spec choice(String... values) {
            type = Type.CHOICE;
            choices = List.of(values);
            return this;
        }

        Spec dflt(String shown) {
            dflt = shown;
            return this;
        }

        Spec junit() {
            where.add(Where.JUNIT);
            return this;
        }

        Spec container() {
            where.add(Where.CONTAINER);
            return this;
        }

        Spec doc(String text) {
            description = text;
            return this;
        }
    }
}
