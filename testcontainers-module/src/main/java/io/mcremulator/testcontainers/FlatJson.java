package io.mcremulator.testcontainers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the string members of one flat JSON object, such as the credentials answer. Kept here so that the module
 * needs no JSON library; nested values are skipped.
 */
final class FlatJson {
    private final String s;
    private final boolean raw;
    private int i;

    private FlatJson(String s, boolean raw) {
        this.s = s;
        this.raw = raw;
    }

    static Map<String, String> strings(String json) {
        return new FlatJson(json, false).object();
    }

    /** Every top-level member: strings decoded, other values (numbers, booleans, arrays, objects) as raw JSON text. */
    static Map<String, String> members(String json) {
        return new FlatJson(json, true).object();
    }

    private Map<String, String> object() {
        Map<String, String> out = new LinkedHashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') return out;
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (peek() == '"') {
                out.put(key, string());
            } else {
                int start = i;
                skipValue();
                if (raw) out.put(key, s.substring(start, i).trim());
            }
            skipSpace();
            char c = next();
            if (c == '}') return out;
            if (c != ',') throw error("expected ',' or '}'");
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') return b.toString();
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("truncated \\u escape");
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
    }

    private void skipValue() {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') {
                if (depth == 0) return;
                depth--;
            } else if (c == ',' && depth == 0) return;
            i++;
        }
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private char peek() {
        if (i >= s.length()) throw error("unexpected end");
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) throw error("expected '" + c + "'");
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not a flat JSON object (" + what + " at " + i + "): " + s);
    }
}
