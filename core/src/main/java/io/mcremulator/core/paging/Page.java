package io.mcremulator.core.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items plus the four numbers of {@code meta.page}. */
public record Page<T>(List<T> results, int limit, int offset, int total) {
    public int count() {
        return results.size();
    }

    public <U> Page<U> map(Function<T, U> f) {
        return new Page<>(results.stream().map(f).toList(), limit, offset, total);
    }
}
