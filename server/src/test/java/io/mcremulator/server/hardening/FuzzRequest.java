package io.mcremulator.server.hardening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of the fuzz campaign: either well-formed HTTP with odd content (sent through {@code java.net.http}) or
 * raw bytes (sent over a socket), with what the harness needs to judge the answer.
 */
record FuzzRequest(
        String family, String method, String target, List<String[]> headers, byte[] body, byte[] raw, String label) {

    static FuzzRequest http(
            String family, String method, String target, List<String[]> headers, byte[] body, String label) {
        return new FuzzRequest(family, method, target, headers, body, null, label);
    }

    static FuzzRequest raw(String family, String target, byte[] raw, String label) {
        return new FuzzRequest(family, "RAW", target, List.of(), null, raw, label);
    }

    boolean isRaw() {
        return raw != null;
    }

    /** The path part of the target (before '?'). */
    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Errors of /v2 and the token endpoint are OCI-shaped; everything else (management, control, unknown) MCR. */
    boolean ociPlane() {
        String p = path();
        return p.equals("/v2") || p.startsWith("/v2/") || p.equals("/service/token");
    }

    /** The request as a curl-like line, for a failure message that lets one replay it by hand. */
    String describe() {
        if (isRaw()) {
            String s = new String(raw, StandardCharsets.ISO_8859_1);
            return "raw[" + label + "]: "
                    + (s.length() > 600 ? s.substring(0, 600) + "..." : s).replace("\r\n", "\\r\\n");
        }
        List<String> h = new ArrayList<>();
        for (String[] kv : headers) h.add(kv[0] + ": " + kv[1]);
        String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return method + " " + target + " " + h + " body=" + (b.length() > 300 ? b.substring(0, 300) + "..." : b) + " ["
                + label + "]";
    }
}
