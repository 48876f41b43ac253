package io.mcremulator.core.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/** The one pagination/sort/filter helper every list operation goes through. */
public final class Paging {
    private Paging() {}

    public static <T> Page<T> page(Collection<T> items, Predicate<? super T> filter, PageRequest req, SortFields<T> fields) {
        List<T> matching = new ArrayList<>(items.size());
        for (T t : items) if (filter.test(t)) matching.add(t);
        matching.sort(req.comparator(fields));
        int total = matching.size();
        int from = Math.min(req.offset(), total);
        int to = (int) Math.min((long) from + req.limit(), total);
        return new Page<>(List.copyOf(matching.subList(from, to)), req.limit(), req.offset(), total);
    }
}
