package io.mcremulator.server.control;

import io.mcremulator.core.Emulator;
import io.mcremulator.core.StateSnapshot;
import io.mcremulator.core.error.EmulatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Named in-memory checkpoints of the whole state. Thread-safe; {@code reset} does not forget them. */
final class Snapshots {
    static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private final Emulator emulator;
    private final Map<String, StateSnapshot> byName = new TreeMap<>();

    Snapshots(Emulator emulator) {
        this.emulator = emulator;
    }

    /** Saves (or overwrites) checkpoint {@code name}; true when it already existed. */
    boolean save(String name) {
        checkName(name);
        StateSnapshot s = emulator.checkpoint();
        synchronized (this) {
            return byName.put(name, s) != null;
        }
    }

    void restore(String name) {
        emulator.restore(get(name));
    }

    synchronized StateSnapshot get(String name) {
        StateSnapshot s = byName.get(name);
        if (s == null) throw EmulatorException.notFound("snapshot", name);
        return s;
    }

    synchronized Optional<StateSnapshot> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    synchronized boolean delete(String name) {
        return byName.remove(name) != null;
    }

    synchronized List<Map.Entry<String, StateSnapshot>> list() {
        return new ArrayList<>(byName.entrySet());
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw EmulatorException.badRequest(
                    "invalid snapshot name '" + name + "': use 1 to 64 letters, digits, '.', '_' or '-'", "name", name);
        }
    }
}
