package io.mcremulator.core.paging;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sorted, filtered orders of the entities behind list operations, kept until the state next changes: a list
 * request then costs O(offset + limit) instead of building a view of every entity and sorting them all.
 * <p>
 * The owner of this cache must call {@link #clear()} on every mutation of the state the orders were built from
 * (the region's write lock does it), and must only read it while no mutation can run (under the read lock).
 * Readers build orders under the read lock, one build per key at a time (a burst of identical first requests
 * waits for one sort instead of running one each); building is a pure function of the unchanged state.
 */
public final class SortedOrders {
    /** Distinct (owner, sort, filter) orders kept at once; past it the cache starts over (bounded memory). */
    static final int MAX_ORDERS = 256;

    /** One cached order: the entities matching the filter, in the requested order. */
    public record Order(Object[] entities) {
        public int total() {
            return entities.length;
        }
    }

    private record Key(Object owner, SortFields<?> fields, String sort, Object filter) {}

    private final ConcurrentHashMap<Key, Order> orders = new ConcurrentHashMap<>();

    /**
     * The order for {@code owner} (an entity or any value with {@code equals}, naming the collection), the sort of
     * {@code req} against {@code fields}, and {@code filter} (any value with {@code equals}, null for none).
     */
    public Order order(Object owner, SortFields<?> fields, PageRequest req, Object filter, Supplier<List<?>> build) {
        Key key = new Key(Objects.requireNonNull(owner), fields, req.sort(), filter);
        Order o = orders.get(key);
        if (o != null) return o;
        if (orders.size() >= MAX_ORDERS) orders.clear();
        // One build per key: concurrent first requests wait for it instead of each sorting everything.
        return orders.computeIfAbsent(key, k -> new Order(build.get().toArray()));
    }

    /** Forgets every order; called on each mutation of the state. */
    public void clear() {
        if (!orders.isEmpty()) orders.clear();
    }
}
