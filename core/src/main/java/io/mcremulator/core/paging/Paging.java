package io.mcremulator.core.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The one pagination/sort/filter helper every list operation goes through. */
public final class Paging {
    private Paging() {}

    public static <T> Page<T> page(
            Collection<T> items, Predicate<? super T> filter, PageRequest req, SortFields<T> fields) {
        List<T> matching = new ArrayList<>(items.size());
        for (T t : items) if (filter.test(t)) matching.add(t);
        matching.sort(req.comparator(fields));
        int total = matching.size();
        int from = Math.min(req.offset(), total);
        int to = (int) Math.min((long) from + req.limit(), total);
        return new Page<>(List.copyOf(matching.subList(from, to)), req.limit(), req.offset(), total);
    }

    /**
     * Pages entities whose order and filter are defined on their views ({@code fields} and {@code filter} see
     * {@code V}), through {@code orders}: the full sort runs once per state change and {@code (owner, sort,
     * filterKey)}, and each request then builds views only for the entities on its page. Same results as
     * {@link #page(Collection, Predicate, PageRequest, SortFields)} over the views of all entities.
     *
     * @param entities  all entities of the list, read only when the order must be built
     * @param filterKey what {@code filter} depends on (the raw filter value), null when it keeps everything
     */
    public static <E, V> Page<V> page(
            SortedOrders orders,
            Object owner,
            Supplier<? extends Collection<E>> entities,
            Function<E, V> view,
            Predicate<? super V> filter,
            Object filterKey,
            PageRequest req,
            SortFields<V> fields) {
        SortedOrders.Order order = orders.order(
                owner, fields, req, filterKey, () -> sort(entities.get(), view, filter, req.comparator(fields)));
        Object[] sorted = order.entities();
        int total = sorted.length;
        int from = Math.min(req.offset(), total);
        int to = (int) Math.min((long) from + req.limit(), total);
        List<V> results = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            @SuppressWarnings("unchecked")
            E e = (E) sorted[i];
            results.add(view.apply(e));
        }
        return new Page<>(List.copyOf(results), req.limit(), req.offset(), total);
    }

    private record Viewed<E, V>(E entity, V view) {}

    private static <E, V> List<E> sort(
            Collection<E> entities, Function<E, V> view, Predicate<? super V> filter, Comparator<V> order) {
        List<Viewed<E, V>> matching = new ArrayList<>(entities.size());
        for (E e : entities) {
            V v = view.apply(e);
            if (filter.test(v)) matching.add(new Viewed<>(e, v));
        }
        matching.sort((a, b) -> order.compare(a.view(), b.view()));
        List<E> out = new ArrayList<>(matching.size());
        for (Viewed<E, V> m : matching) out.add(m.entity());
        return out;
    }
}
