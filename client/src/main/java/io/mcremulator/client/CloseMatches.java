package io.mcremulator.client;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean": the known names closest to a misspelt one, for the messages of unknown flags, options and ids. */
public final class CloseMatches {
    private CloseMatches() {}

    /**
     * Up to three known names near {@code wanted}, closest first: those within a small edit distance (ignoring case,
     * {@code -} and {@code _}), or that contain it or are contained in it.
     */
    public static List<String> of(String wanted, Collection<String> known) {
        String w = simplify(wanted);
        int limit = Math.max(2, w.length() / 3);
        return known.stream()
                .filter(k -> {
                    String s = simplify(k);
                    return distance(w, s) <= limit || (w.length() >= 3 && (s.contains(w) || w.contains(s)));
                })
                .sorted(Comparator.comparingInt((String k) -> distance(w, simplify(k)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3)
                .toList();
    }

    /** {@code " (did you mean a or b?)"}, or empty when nothing is close. */
    public static String hint(String wanted, Collection<String> known) {
        List<String> close = of(wanted, known);
        if (close.isEmpty()) return "";
        return " (did you mean " + String.join(" or ", close) + "?)";
    }

    private static String simplify(String s) {
        return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
