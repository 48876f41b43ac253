package io.mcremulator.core.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps {@code X-API-Key} values to principals. A key with no mapping is, by default, its own tenant and user
 * (see docs/behaviour.md); a configured or seeded mapping puts several keys in one tenant.
 */
public final class ApiKeyDirectory {
    private final Map<String, Principal> keys = new ConcurrentHashMap<>();
    private final Runnable onChange;

    public ApiKeyDirectory() {
        this(() -> {});
    }

    /** @param onChange called after every change of the mappings (persistence counts it as a change of the state) */
    public ApiKeyDirectory(Runnable onChange) {
        this.onChange = onChange;
    }

    public void register(String apiKey, Principal principal) {
        keys.put(apiKey, principal);
        onChange.run();
    }

    public Optional<Principal> lookup(String apiKey) {
        return Optional.ofNullable(keys.get(apiKey));
    }

    public Map<String, Principal> all() {
        return Map.copyOf(keys);
    }

    public void clear() {
        keys.clear();
        onChange.run();
    }

    public void removeTenant(String tenantId) {
        keys.values().removeIf(p -> p.tenantId().equals(tenantId));
        onChange.run();
    }
}
