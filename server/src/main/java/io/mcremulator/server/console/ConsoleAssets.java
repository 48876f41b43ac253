package io.mcremulator.server.console;

import io.javalin.http.Context;
import io.mcremulator.core.error.EmulatorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web console's files ({@code GET /_emulator/console/} and {@code /_emulator/console/{file}}), read from the
 * jar ({@code mcr-emulator/console/}): nothing is fetched from anywhere else. A fixed list of files, each with its
 * type, and headers that keep the page same-origin: a Content-Security-Policy allowing only this server's own
 * scripts, styles and connections, no framing, no MIME sniffing, no referrer.
 */
public final class ConsoleAssets {
    private static final String ROOT = "/mcr-emulator/console/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final Map<String, byte[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code GET /_emulator/console/}: the page. */
    public void index(Context ctx) {
        serve(ctx, "index.html");
    }

    /** {@code GET /_emulator/console/{file}}: a script, style sheet or icon of the page. */
    public void file(Context ctx) {
        serve(ctx, ctx.pathParam("file"));
    }

    private void serve(Context ctx, String name) {
        String type = FILES.get(name);
        if (type == null) throw EmulatorException.notFound("console file", name);
        byte[] body = cache.computeIfAbsent(name, ConsoleAssets::read);
        ctx.status(200);
        ctx.contentType(type);
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.result(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) throw new IllegalStateException("console file missing from the jar: " + ROOT + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
