package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the test-control API ({@code /_emulator}) out of reach of web pages the developer happens to visit
 * (docs/behaviour.md, "Control plane"):
 *
 * <ul>
 *   <li><b>Host</b> (DNS rebinding): the {@code Host} header must be an IP literal, {@code localhost} (or a
 *       {@code *.localhost} name), the host the server is bound to, or a name of {@code --control-allowed-hosts}.
 *       A rebinding attack always arrives under the attacker's own DNS name, so it is refused with 403.
 *   <li><b>Origin</b> (CSRF): a request carrying an {@code Origin} must come from the server's own origin (the
 *       console at {@code /_emulator/console/} does); {@code Origin: null} and other origins get 403.
 *   <li><b>JSON only</b>: a state-changing call (POST, PUT, PATCH, DELETE) that has a body or a Content-Type must
 *       send {@code application/json}; the types an HTML form or a no-cors fetch can send (text/plain, form
 *       encodings) get 415.
 *   <li><b>Token</b> (optional, {@code --control-token}): then every call but {@code GET /_emulator/health} and the
 *       console's pages needs {@code Authorization: Bearer <token>} or {@code X-MCR-Control-Token: <token>}; 401
 *       otherwise.
 * </ul>
 *
 * The MCR management API and /v2 are not affected: they have their own credentials.
 */
public final class ControlGuard {
    public static final String PREFIX = "/_emulator";
    public static final String TOKEN_HEADER = "X-MCR-Control-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final byte[] token;
    private final List<String> allowedHosts;
    private final boolean anyHost;
    private final String boundHost;

    public ControlGuard(ControlSettings settings, String boundHost) {
        this.token = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        this.allowedHosts = settings.allowedHosts();
        this.anyHost = allowedHosts.contains("*");
        this.boundHost = boundHost == null ? "" : boundHost.toLowerCase(Locale.ROOT);
    }

    /** True for the paths the guard covers. */
    public static boolean covers(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** Checks a control-API request; throws the refusal (403, 415 or 401 in the MCR format). */
    public void check(Context ctx) {
        String path = ctx.path();
        if (!covers(path)) return;
        String method = ctx.req().getMethod().toUpperCase(Locale.ROOT);
        checkHost(ctx.header("Host"));
        checkOrigin(ctx.header("Origin"), ctx.header("Host"), ctx.header("Sec-Fetch-Site"));
        if (!SAFE_METHODS.contains(method)) checkJson(ctx);
        if (token != null && !open(method, path)) checkToken(ctx);
    }

    private static boolean open(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) return false;
        return path.equals(PREFIX + "/health")
                || path.equals(PREFIX) // the page of links to the console and the docs: nothing of the state
                || path.equals(PREFIX + "/console")
                || path.startsWith(PREFIX + "/console/");
    }

    private void checkHost(String host) {
        if (host == null || host.isBlank() || anyHost) return;
        String name = hostName(host);
        if (name == null || allowedName(name)) return;
        throw new EmulatorException(
                ErrorCode.FORBIDDEN,
                "host '" + host + "' is not allowed for the test-control API (a guard against DNS rebinding): call it"
                        + " through localhost or an IP address, or allow the name with --control-allowed-hosts"
                        + " (MCR_CONTROL_ALLOWED_HOSTS)",
                Map.of("host", host));
    }

    private boolean allowedName(String name) {
        if (isIpLiteral(name)) return true;
        if (name.equals("localhost") || name.endsWith(".localhost")) return true;
        if (name.equals(boundHost)) return true;
        return allowedHosts.contains(name);
    }

    /** The host name of a Host header or an origin's authority, lower case, without port or IPv6 brackets. */
    static String hostName(String authority) {
        String a = authority.trim().toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end < 0 ? null : a.substring(1, end);
        }
        int colon = a.lastIndexOf(':');
        String name = colon >= 0 ? a.substring(0, colon) : a;
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    static boolean isIpLiteral(String name) {
        if (name.indexOf(':') >= 0) return name.matches("[0-9a-f:.]+"); // IPv6
        if (!name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) return false;
        for (String part : name.split("\\.")) if (Integer.parseInt(part) > 255) return false;
        return true;
    }

    private static void checkOrigin(String origin, String host, String fetchSite) {
        if (origin == null) {
            if ("cross-site".equalsIgnoreCase(fetchSite)) throw crossOrigin("Sec-Fetch-Site: cross-site");
            return;
        }
        if (host == null) throw crossOrigin(origin);
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            throw crossOrigin(origin);
        }
        if (uri.getHost() == null || uri.getScheme() == null) throw crossOrigin(origin);
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        String originAuthority = normalise(uri.getHost()) + ":" + port;
        String h = host.trim().toLowerCase(Locale.ROOT);
        String hostName = hostName(h);
        int colon = h.lastIndexOf(':');
        int hostPort = colon > h.lastIndexOf(']') && colon >= 0 ? parsePort(h.substring(colon + 1)) : 80;
        if (!originAuthority.equals(normalise(hostName) + ":" + hostPort)) throw crossOrigin(origin);
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static int parsePort(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static EmulatorException crossOrigin(String origin) {
        return new EmulatorException(
                ErrorCode.FORBIDDEN,
                "cross-origin request refused: the test-control API answers its own origin only (got " + origin + ")",
                Map.of("origin", origin));
    }

    private static void checkJson(Context ctx) {
        String type = ctx.header("Content-Type");
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (type == null || type.isBlank()) {
            if (!hasBody) return;
            throw notJson("none");
        }
        String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"))) return;
        throw notJson(media);
    }

    private static EmulatorException notJson(String type) {
        return new EmulatorException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "unsupported media type '" + type + "': state-changing test-control calls take"
                        + " 'Content-Type: application/json' (or no body at all)",
                Map.of("content_type", type));
    }

    private void checkToken(Context ctx) {
        String given = ctx.header(TOKEN_HEADER);
        if (given == null) {
            String auth = ctx.header("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7))
                given = auth.substring(7).trim();
        }
        if (given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) return;
        ctx.header("WWW-Authenticate", "Bearer realm=\"mcr-emulator-control\"");
        throw new EmulatorException(
                ErrorCode.UNAUTHORIZED,
                given == null
                        ? "the test-control API needs its token: send 'Authorization: Bearer <token>' or '"
                                + TOKEN_HEADER + ": <token>' (--control-token, MCR_CONTROL_TOKEN)"
                        : "wrong control token",
                Map.of());
    }
}
