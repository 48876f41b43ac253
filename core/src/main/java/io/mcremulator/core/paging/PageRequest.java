package io.mcremulator.core.paging;

import io.mcremulator.core.error.EmulatorException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A validated page request: {@code _limit}, {@code _offset} and {@code _sort} as the MCR API takes them.
 * Parsing raw query values here gives every list route the same validation and the same messages.
 */
public record PageRequest(int limit, int offset, String sort) {
    /** The spec's pattern for {@code _sort}, verbatim (the empty string matches). */
    public static final Pattern SORT_PATTERN = Pattern.compile("(^[\\w-]+:(asc|desc)(,[\\w-]+:(asc|desc))*)?$");

    public static PageRequest of(int limit, int offset, String sort) {
        return new PageRequest(limit, offset, sort);
    }

    /**
     * Parses raw query values. Null or absent values take the defaults. The sort is checked against the pattern
     * and the resource's known fields.
     */
    public static PageRequest parse(
            String limitRaw, String offsetRaw, String sortRaw, SortFields<?> fields, int defaultLimit) {
        int limit = limitRaw == null ? defaultLimit : parseInt("_limit", limitRaw, 1);
        int offset = offsetRaw == null ? 0 : parseInt("_offset", offsetRaw, 0);
        String sort = sortRaw == null || sortRaw.isEmpty() ? fields.defaultSort() : sortRaw;
        validateSort(sort, fields);
        return new PageRequest(limit, offset, sort);
    }

    /**
     * Strict: ASCII digits only (no sign other than '-', no spaces, no other scripts' digits such as U+FF11), and
     * at most 2^31-1; anything else is a 400 naming the parameter, never a clamped or guessed value.
     */
    private static int parseInt(String name, String raw, int min) {
        if (!ASCII_INTEGER.matcher(raw).matches()) {
            throw EmulatorException.badRequest(
                    "invalid param: " + name + " must be an integer >= " + min + " written in ASCII digits, got '" + raw
                            + "'",
                    name,
                    raw);
        }
        if (raw.startsWith("-")) {
            throw EmulatorException.badRequest(
                    "invalid param: " + name + " must be >= " + min + ", got " + raw, name, raw);
        }
        String digits = raw.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw EmulatorException.badRequest(
                    "invalid param: " + name + " must be at most " + Integer.MAX_VALUE + ", got " + raw, name, raw);
        }
        int v = Integer.parseInt(digits);
        if (v < min) {
            throw EmulatorException.badRequest(
                    "invalid param: " + name + " must be >= " + min + ", got " + v, name, raw);
        }
        return v;
    }

    private static final java.util.regex.Pattern ASCII_INTEGER = java.util.regex.Pattern.compile("-?[0-9]+");

    static void validateSort(String sort, SortFields<?> fields) {
        if (!SORT_PATTERN.matcher(sort).matches()) {
            throw EmulatorException.badRequest(
                    "invalid param: _sort must look like 'field:asc' or 'field:desc', comma separated, got '" + sort
                            + "'",
                    "_sort",
                    sort);
        }
        for (String part : sort.split(",")) {
            String field = part.substring(0, part.indexOf(':'));
            if (fields.comparator(field) == null) {
                throw EmulatorException.badRequest(
                        "invalid param: _sort field '" + field + "' is not sortable; sortable fields: "
                                + String.join(", ", fields.names()),
                        "_sort",
                        sort);
            }
        }
    }

    /** The total order for this request: requested keys, then the default keys, then the tie-break. */
    public <T> Comparator<T> comparator(SortFields<T> fields) {
        List<Comparator<T>> chain = new ArrayList<>();
        addKeys(chain, sort, fields);
        addKeys(chain, fields.defaultSort(), fields);
        Comparator<T> c = chain.get(0);
        for (int i = 1; i < chain.size(); i++) c = c.thenComparing(chain.get(i));
        return c.thenComparing(fields.tieBreak());
    }

    private static <T> void addKeys(List<Comparator<T>> chain, String sort, SortFields<T> fields) {
        for (String part : sort.split(",")) {
            int colon = part.indexOf(':');
            Comparator<T> c = fields.comparator(part.substring(0, colon));
            chain.add(part.endsWith(":desc") ? c.reversed() : c);
        }
    }
}
