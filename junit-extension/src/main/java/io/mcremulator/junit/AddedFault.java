package io.mcremulator.junit;

import io.mcremulator.client.ActiveFault;

/** A fault rule added through {@link McrFaults#add}: its id, live counters, and a way to remove it early. */
public final class AddedFault {
    private final McrFaults faults;
    private final String id;

    AddedFault(McrFaults faults, String id) {
        this.faults = faults;
        this.id = id;
    }

    /** The rule's id ({@code fault-1} unless the spec named one). */
    public String id() {
        return id;
    }

    /** The rule now, with its {@code matched} and {@code fired} counters. */
    public ActiveFault current() {
        return faults.get(id);
    }

    /** How many requests got the rule's effect so far. */
    public long fired() {
        return current().fired();
    }

    /** Removes the rule now (it is removed after the test anyway). */
    public void remove() {
        faults.remove(id);
    }

    @Override
    public String toString() {
        return "AddedFault[" + id + "]";
    }
}
