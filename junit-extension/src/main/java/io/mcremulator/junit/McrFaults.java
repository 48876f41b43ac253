package io.mcremulator.junit;

import io.mcremulator.client.ActiveFault;
import io.mcremulator.client.ControlApiException;
import io.mcremulator.client.EmulatorControl;
import io.mcremulator.client.FaultSpec;
import io.mcremulator.client.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Fault injection for one test: {@code mcr.faults().add(FaultSpec.operation("createRegistry").status(503).firstN(2))}.
 *
 * <p>Isolation: every rule added here is removed when the test (or, for a class handle, the class) ends. Under
 * {@link Isolation#TENANT} a rule that names no tenant is narrowed to the handle's tenant, so tests running in
 * parallel never see each other's faults; {@link #addForAllTenants} adds a rule as given (it then also hits other
 * tests running at the same time, and requests sent without credentials). Under {@link Isolation#RESET} tests run one
 * at a time and rules are added as given.
 */
public final class McrFaults {
    private final Supplier<EmulatorControl> control;
    private final String scopeTenant;
    private final List<String> added = new CopyOnWriteArrayList<>();

    McrFaults(Supplier<EmulatorControl> control, String scopeTenant) {
        this.control = control;
        this.scopeTenant = scopeTenant;
    }

    /** Adds a rule; under TENANT isolation one without a tenant only hits this handle's tenant. */
    public AddedFault add(FaultSpec spec) {
        return add(spec.toJson());
    }

    /** Adds a rule given as JSON ({@code POST /_emulator/faults} body); scoped like {@link #add(FaultSpec)}. */
    public AddedFault add(String ruleJson) {
        return addRaw(scopeTenant == null ? ruleJson : withTenant(ruleJson, scopeTenant));
    }

    /** Adds a rule as given, for every tenant (and unauthenticated requests); still removed after the test. */
    public AddedFault addForAllTenants(FaultSpec spec) {
        return addRaw(spec.toJson());
    }

    private AddedFault addRaw(String json) {
        String id = control.get().addFault(json);
        added.add(id);
        return new AddedFault(this, id);
    }

    /** The rules added through this handle and still active, with their counters. */
    public List<ActiveFault> list() {
        Set<String> mine = Set.copyOf(added);
        List<ActiveFault> out = new ArrayList<>();
        for (ActiveFault f : control.get().faults()) if (mine.contains(f.id())) out.add(f);
        return out;
    }

    /** Every rule of the server, including those of other tests running at the same time. */
    public List<ActiveFault> listAll() {
        return control.get().faults();
    }

    public ActiveFault get(String id) {
        return control.get().fault(id);
    }

    /** Removes one rule; fails when the server has no rule with this id. */
    public void remove(String id) {
        control.get().removeFault(id);
        added.remove(id);
    }

    /** Removes the rules added through this handle (those of other tests stay). */
    public void clear() {
        for (String id : List.copyOf(added)) {
            try {
                control.get().removeFault(id);
            } catch (ControlApiException e) {
                if (e.status() != 404) throw e; // already removed
            }
            added.remove(id);
        }
    }

    private static String withTenant(String ruleJson, String tenant) {
        Map<String, Object> rule;
        try {
            rule = new LinkedHashMap<>(Json.object(ruleJson));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault rule is not a JSON object: " + e.getMessage(), e);
        }
        if (rule.get("tenant") == null) rule.put("tenant", tenant);
        return Json.write(rule);
    }
}
