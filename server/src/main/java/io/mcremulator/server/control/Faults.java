package io.mcremulator.server.control;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The active fault rules, in the order they were added. For each request every matching rule counts it; a rule
 * that fires adds its delay, and the first firing rule with an error or a dropped connection decides the outcome
 * (rules after it are not consulted). Thread-safe.
 */
final class Faults {
    /** What to do with one request: wait {@code delayMs}, then answer with {@code error} or drop, or carry on. */
    record Decision(long delayMs, FaultRule terminal, List<String> firedIds) {
        static final Decision NONE = new Decision(0, null, List.of());

        boolean none() {
            return firedIds.isEmpty();
        }
    }

    private static final class Active {
        final FaultRule rule;
        final Random random;
        long matched;
        long fired;

        Active(FaultRule rule) {
            this.rule = rule;
            this.random = new Random(rule.seed());
        }
    }

    private final Map<String, Active> rules = new LinkedHashMap<>();
    /** Read without the lock, so requests do not contend when there are no rules (the usual case). */
    private volatile boolean empty = true;

    private long nextId = 1;

    synchronized String nextId() {
        String id;
        do {
            id = "fault-" + nextId++;
        } while (rules.containsKey(id));
        return id;
    }

    synchronized Map<String, Object> add(FaultRule rule) {
        if (rules.containsKey(rule.id())) {
            throw new EmulatorException(
                    ErrorCode.CONFLICT,
                    "a fault rule with id '" + rule.id() + "' exists; delete it first",
                    Map.of("id", rule.id()));
        }
        Active a = new Active(rule);
        rules.put(rule.id(), a);
        empty = false;
        return rule.view(0, 0);
    }

    synchronized List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Active a : rules.values()) out.add(a.rule.view(a.matched, a.fired));
        return out;
    }

    synchronized Optional<Map<String, Object>> get(String id) {
        Active a = rules.get(id);
        return a == null ? Optional.empty() : Optional.of(a.rule.view(a.matched, a.fired));
    }

    synchronized boolean remove(String id) {
        boolean removed = rules.remove(id) != null;
        empty = rules.isEmpty();
        return removed;
    }

    synchronized void clear() {
        rules.clear();
        empty = true;
    }

    /** Counts the request against every matching rule and says what the firing ones do. */
    Decision decide(RequestFacts request) {
        if (empty || request.control()) return Decision.NONE;
        synchronized (this) {
            return decideLocked(request);
        }
    }

    /** The same for a call a proxy cache makes to its upstream: only rules with {@code "target":"upstream"} match. */
    Decision decideUpstream(io.mcremulator.server.proxy.UpstreamObserver.Call call) {
        if (empty) return Decision.NONE;
        synchronized (this) {
            return decideLocked(r -> r.matchesUpstream(call));
        }
    }

    private Decision decideLocked(RequestFacts request) {
        return decideLocked(r -> r.matches(request));
    }

    private Decision decideLocked(java.util.function.Predicate<FaultRule> matching) {
        long delay = 0;
        List<String> fired = new ArrayList<>();
        for (Active a : rules.values()) {
            if (!matching.test(a.rule)) continue;
            a.matched++;
            if (!fires(a)) continue;
            a.fired++;
            fired.add(a.rule.id());
            delay = Math.min(FaultRule.MAX_DELAY_MS, delay + delayOf(a));
            if (a.rule.terminal()) return new Decision(delay, a.rule, fired);
        }
        return fired.isEmpty() ? Decision.NONE : new Decision(delay, null, fired);
    }

    private static boolean fires(Active a) {
        FaultRule r = a.rule;
        if (r.firstN() != null) return a.matched <= r.firstN();
        if (r.everyNth() != null) return a.matched % r.everyNth() == 0;
        if (r.probability() != null) return a.random.nextDouble() < r.probability();
        return true;
    }

    private static long delayOf(Active a) {
        FaultRule r = a.rule;
        if (r.delayMs() == null) return 0;
        if (r.delayMaxMs() == null || r.delayMaxMs().equals(r.delayMs())) return r.delayMs();
        return r.delayMs() + (long) (a.random.nextDouble() * (r.delayMaxMs() - r.delayMs() + 1));
    }
}
