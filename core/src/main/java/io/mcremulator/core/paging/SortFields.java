package io.mcremulator.core.paging;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a resource can be sorted by ({@code _sort=name:asc,created_at:desc}), each with its comparator,
 * plus the resource's default sort and a final tie-break so that every order is total and stable.
 */
public final class SortFields<T> {
    private final Map<String, Comparator<T>> fields;
    private final String defaultSort;
    private final Comparator<T> tieBreak;

    private SortFields(Map<String, Comparator<T>> fields, String defaultSort, Comparator<T> tieBreak) {
        this.fields = Collections.unmodifiableMap(fields);
        this.defaultSort = defaultSort;
        this.tieBreak = tieBreak;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    public Set<String> names() {
        return fields.keySet();
    }

    public Comparator<T> comparator(String field) {
        return fields.get(field);
    }

    public String defaultSort() {
        return defaultSort;
    }

    public Comparator<T> tieBreak() {
        return tieBreak;
    }

    public static final class Builder<T> {
        private final Map<String, Comparator<T>> fields = new LinkedHashMap<>();
        private String defaultSort;
        private Comparator<T> tieBreak;

        public <U extends Comparable<? super U>> Builder<T> field(String name, java.util.function.Function<T, U> key) {
            fields.put(name, Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder())));
            return this;
        }

        public Builder<T> defaultSort(String sort) {
            this.defaultSort = sort;
            return this;
        }

        /** Last comparator applied, after the requested and the default keys; must tell any two items apart. */
        public Builder<T> tieBreak(Comparator<T> c) {
            this.tieBreak = c;
            return this;
        }

        public SortFields<T> build() {
            if (defaultSort == null || tieBreak == null)
                throw new IllegalStateException("defaultSort and tieBreak are required");
            return new SortFields<>(new LinkedHashMap<>(fields), defaultSort, tieBreak);
        }
    }
}
