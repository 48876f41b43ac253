package io.mcremulator.junit;

import io.mcremulator.client.OperationInfo;
import io.mcremulator.client.RecordedRequest;
import io.mcremulator.client.Verification;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.Region;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.seed.SeedDocument;
import io.mcremulator.server.control.SeedParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The handle of one test (or one test class): the server it runs on, its default region and the tenants it made,
 * which {@link #close()} removes again under TENANT isolation.
 */
final class DefaultMcrEmulator implements McrEmulator {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final RunningServer running;
    private final Region region;
    private final String origin;
    private final List<DefaultTenant> created = new CopyOnWriteArrayList<>();
    private final DefaultTenant tenant;
    private final McrFaults faults;
    private final McrSnapshots snapshots;
    private final McrClock clock;
    private final McrScans scans;
    /** Unmatched requests without a tenant count from this journal seq on; -1: not marked. */
    private volatile long unmatchedBaseline = -1;

    DefaultMcrEmulator(RunningServer running, Region region, String origin) {
        this.running = running;
        this.region = region;
        this.origin = origin;
        String fixed = running.options.fixedTenant;
        this.tenant = fixed != null ? new DefaultTenant(running, region, fixed) : newTenantImpl();
        boolean scoped = tenantScoped();
        this.faults = new McrFaults(running::control, scoped ? tenant.id() : null);
        this.snapshots = new McrSnapshots(running::control, tenant.id(), scoped);
        this.clock = new McrClock(running::control);
        this.scans = new McrScans(running::control);
    }

    private DefaultTenant newTenantImpl() {
        DefaultTenant t = new DefaultTenant(running, region, UUID.randomUUID().toString());
        created.add(t);
        return t;
    }

    @Override
    public int port() {
        return running.server.port();
    }

    @Override
    public String baseUrl() {
        return running.server.baseUrl();
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public String regionUrl(Region r) {
        return running.server.regionUrl(r);
    }

    @Override
    public String managementUrl(Region r) {
        return running.server.managementUrl(r);
    }

    @Override
    public String registryHost() {
        return running.server.registryHost();
    }

    @Override
    public TestTenant tenant() {
        return tenant;
    }

    @Override
    public TestTenant newTenant() {
        return newTenantImpl();
    }

    @Override
    public TestTenant tenant(String tenantId) {
        return new DefaultTenant(running, region, tenantId);
    }

    @Override
    public String uniqueName(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('-');
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) sb.append(ALPHABET[rnd.nextInt(ALPHABET.length)]);
        return sb.toString();
    }

    @Override
    public void seedFile(String location) {
        seed(new SeedSource(location, "McrEmulator.seedFile in " + origin).load(loader()));
    }

    @Override
    public void seedJson(String json) {
        try {
            seed(SeedParser.parse(json.getBytes(StandardCharsets.UTF_8)));
        } catch (EmulatorException e) {
            throw new IllegalArgumentException("McrEmulator.seedJson in " + origin + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void seed(SeedDocument document) {
        running.engine().seed(document);
    }

    @Override
    public void reset() {
        if (running.settings.isolation() == Isolation.RESET) {
            running.resetAndReseed();
            for (DefaultTenant t : allTenants()) t.registerApiKeys();
        } else {
            for (DefaultTenant t : allTenants()) t.reset();
        }
    }

    /** After the server was reset under this handle (RESET isolation): its users' API keys count again. */
    void afterServerReset() {
        for (DefaultTenant t : allTenants()) t.registerApiKeys();
    }

    private List<DefaultTenant> allTenants() {
        List<DefaultTenant> all = new java.util.ArrayList<>(created);
        if (!all.contains(tenant)) all.add(tenant);
        return all;
    }

    @Override
    public Isolation isolation() {
        return running.settings.isolation();
    }

    @Override
    public Emulator engine() {
        return running.engine();
    }

    // ------------------------------------------------------------------ test control

    private boolean tenantScoped() {
        return running.settings.isolation() == Isolation.TENANT;
    }

    @Override
    public McrFaults faults() {
        return faults;
    }

    @Override
    public McrSnapshots snapshots() {
        return snapshots;
    }

    @Override
    public McrClock clock() {
        return clock;
    }

    @Override
    public List<RecordedRequest> requests(Map<String, String> filters) {
        if (!tenantScoped() || filters.containsKey("tenant")) return fetch(filters);
        List<RecordedRequest> all = new ArrayList<>();
        for (DefaultTenant t : allTenants()) {
            Map<String, String> f = new LinkedHashMap<>(filters);
            f.put("tenant", t.id());
            all.addAll(fetch(f));
        }
        all.sort(Comparator.comparingLong(RecordedRequest::seq));
        return all;
    }

    private List<RecordedRequest> fetch(Map<String, String> filters) {
        return running.control().requests(filters);
    }

    /** For messages: whose requests {@link #requests(Map)} sees. */
    String journalScope() {
        return tenantScoped()
                ? "for tenant(s) "
                        + allTenants().stream().map(DefaultTenant::id).toList()
                : "since the test started";
    }

    @Override
    public Verification verify(String operationId) {
        TreeSet<String> known = new TreeSet<>();
        for (OperationInfo op : operations()) known.addAll(op.operationIds());
        return Verification.of(operationId, this::requests, journalScope(), known);
    }

    /** From now on, unmatched requests without a tenant are this test's (failOnUnmatchedRequests). */
    void markUnmatchedBaseline() {
        long max = 0;
        for (RecordedRequest e : running.control().unmatchedRequests()) max = Math.max(max, e.seq());
        unmatchedBaseline = max;
    }

    @Override
    public void assertNoUnmatchedRequests() {
        List<String> mine = allTenants().stream().map(DefaultTenant::id).toList();
        List<RecordedRequest> found = new ArrayList<>();
        for (RecordedRequest r : running.control().unmatchedRequests()) {
            boolean ours =
                    r.tenant() != null ? !tenantScoped() || mine.contains(r.tenant()) : r.seq() > unmatchedBaseline;
            if (ours) found.add(r);
        }
        if (found.isEmpty()) return;
        StringBuilder sb = new StringBuilder(found.size() + " request(s) of this test matched no route of the emulator "
                + "(the real MCR API has no such route either):");
        for (RecordedRequest r : found) sb.append("\n  ").append(r.describe());
        throw new AssertionError(sb.toString());
    }

    @Override
    public McrScans scans() {
        return scans;
    }

    @Override
    public List<OperationInfo> operations() {
        return running.control().operations();
    }

    /** Removes the tenants this handle made (TENANT isolation, unless cleanupTenants=false), its faults, its clock. */
    void close() {
        try {
            faults.clear();
            clock.restore();
            scans.restore();
        } catch (java.io.UncheckedIOException serverAlreadyStopped) {
            // the server went away first (end of its scope): nothing left to clean up on it
        } finally {
            if (running.settings.isolation() == Isolation.TENANT && running.options.cleanupTenants) {
                for (DefaultTenant t : created) t.remove();
            }
        }
    }

    private static ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : DefaultMcrEmulator.class.getClassLoader();
    }

    @Override
    public String toString() {
        return "McrEmulator[" + baseUrl() + ", tenant " + tenant.id() + "]";
    }
}
