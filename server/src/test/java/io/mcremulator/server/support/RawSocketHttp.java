package io.mcremulator.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no client library sends (a malformed chunk size, a truncated body,
 * odd request lines). Sends the bytes as given, half-closes, and reads the one answer.
 */
public final class RawSocketHttp {
    private RawSocketHttp() {}

    /** One parsed answer; {@code status} is -1 when the server closed without answering. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static Answer send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(int port, byte[] request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            s.shutdownOutput();
            return parse(readAll(s.getInputStream()));
        } catch (IOException e) {
            return new Answer(-1, Map.of(), "socket error: " + e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) b.write(buf, 0, n);
        } catch (java.net.SocketException e) {
            // a reset after the answer: keep what arrived
        }
        return b.toByteArray();
    }

    /** Parses the first answer of a response stream (Content-Length or chunked body, or up to the end). */
    static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || headEnd < 0) return new Answer(-1, Map.of(), text);
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
        }
        String rest = text.substring(headEnd + 4);
        String body;
        if (headers.containsKey("content-length")) {
            int len = Integer.parseInt(headers.get("content-length"));
            body = rest.substring(0, Math.min(len, rest.length()));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < rest.length()) {
                int eol = rest.indexOf("\r\n", i);
                if (eol < 0) break;
                int size = Integer.parseInt(rest.substring(i, eol).split(";")[0].trim(), 16);
                if (size == 0) break;
                sb.append(rest, eol + 2, Math.min(rest.length(), eol + 2 + size));
                i = eol + 2 + size + 2;
            }
            body = sb.toString();
        } else {
            body = rest;
        }
        return new Answer(
                status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
