package io.mcremulator.server.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets never reach the request journal: the values of JSON fields and form fields that hold them are replaced by
 * {@value #MASK} in recorded request and response bodies (a proxy cache's {@code access_secret}, which the API never
 * shows back; docker passwords; registry tokens; API keys). Field names are matched case-insensitively; a value cut
 * by the journal's body limit is masked to the end.
 */
final class JournalRedaction {
    static final String MASK = "***";
    private static final String FIELDS =
            "access_secret|secret|client_secret|password|token|access_token|refresh_token|id_token|api_key|apikey";
    /** {@code "field": "value"}, also when the value is cut short (no closing quote). */
    private static final Pattern JSON = Pattern.compile(
            "(\"(?:" + FIELDS + ")\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\"|\\\\?$)", Pattern.CASE_INSENSITIVE);
    /** {@code field=value} of a form body (the token endpoint's {@code password}). */
    private static final Pattern FORM = Pattern.compile("(^|&)((?:" + FIELDS + ")=)[^&]*", Pattern.CASE_INSENSITIVE);

    private JournalRedaction() {}

    static String apply(String text) {
        if (text == null || text.isEmpty()) return text;
        String t = text;
        if (t.indexOf('"') >= 0) {
            Matcher m = JSON.matcher(t);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String close = m.group(2).equals("\"") ? "\"" : "";
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + MASK + close));
            }
            m.appendTail(sb);
            t = sb.toString();
        }
        if (t.indexOf('=') >= 0 && t.indexOf('{') < 0) {
            t = FORM.matcher(t).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
        }
        return t;
    }
}
