package io.mcremulator.client;

import java.util.Map;

/**
 * A fault rule as the emulator holds it ({@code GET /_emulator/faults}), with its counters: {@code matched} requests
 * matched its matchers, {@code fired} of them got its effect.
 *
 * @param rule every field of the rule, as the control API lists it (docs/control-api.md)
 */
public record ActiveFault(
        String id, String operationId, String tenant, long matched, long fired, Map<String, Object> rule) {

    /** From one rule of {@code GET /_emulator/faults}. */
    public static ActiveFault of(Map<String, Object> m) {
        return new ActiveFault(
                (String) m.get("id"),
                (String) m.get("operationId"),
                (String) m.get("tenant"),
                m.get("matched") instanceof Number n ? n.longValue() : 0,
                m.get("fired") instanceof Number n ? n.longValue() : 0,
                Map.copyOf(withoutNulls(m)));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) out.put(k, v);
        });
        return out;
    }
}
