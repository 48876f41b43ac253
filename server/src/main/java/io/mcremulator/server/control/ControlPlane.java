package io.mcremulator.server.control;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.Region;
import io.mcremulator.server.auth.Authenticator;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.Json;
import io.mcremulator.server.http.RequestIds;
import io.mcremulator.server.operation.Operation;
import io.mcremulator.server.operation.OperationIndex;
import io.mcremulator.server.proxy.UpstreamObserver;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test-control plane's hook into the HTTP server, installed once for every route of the table: before a
 * matched route's handler runs it applies fault rules; after every request (matched or not) it records a journal
 * entry. It finds the operation of a request from the matched endpoint through the {@link OperationIndex}, so new
 * rows of the route table (OCI included) are covered without further wiring.
 */
public final class ControlPlane {
    private static final String FACTS = "mcr.control.facts";
    private static final String START = "mcr.control.startNanos";
    private static final String FAULT = "mcr.control.fault";
    private static final String BODY_SIZE = "mcr.control.requestBodySize";
    private static final Pattern REGION_PATH = Pattern.compile("^/([^/]+)/container-registry(/.*)?$");

    private final Emulator emulator;
    private final Authenticator authenticator;
    private final Faults faults = new Faults();
    private final RequestJournal journal;
    private final Snapshots snapshots;
    private final JournalStream stream = new JournalStream();
    private final OperationIndex index;
    private final TenantResolver ociTenants;
    private final String ociRegion;

    /** Who a /v2 request is from, by the registry API's own authentication (Basic pair or registry token). */
    @FunctionalInterface
    public interface TenantResolver {
        String tenant(Context ctx);
    }

    /**
     * @param index      the operations of the route table, built before any handler
     * @param ociTenants how /v2 callers are identified (the registry API's own authentication)
     * @param ociRegion  the region /v2 serves (docker cannot put a region in the path)
     */
    public ControlPlane(
            Emulator emulator,
            Authenticator authenticator,
            ControlSettings settings,
            OperationIndex index,
            TenantResolver ociTenants,
            Region ociRegion) {
        this.emulator = emulator;
        this.authenticator = authenticator;
        this.journal = new RequestJournal(settings);
        this.snapshots = new Snapshots(emulator);
        this.index = index;
        this.ociTenants = ociTenants;
        this.ociRegion = ociRegion.id();
    }

    OperationIndex index() {
        return index;
    }

    Faults faults() {
        return faults;
    }

    RequestJournal journal() {
        return journal;
    }

    Snapshots snapshots() {
        return snapshots;
    }

    Emulator emulator() {
        return emulator;
    }

    JournalStream stream() {
        return stream;
    }

    /** Registers the hooks; call once from the server's Javalin configuration. */
    public void install(JavalinConfig config) {
        config.routes.before(ctx -> ctx.attribute(START, System.nanoTime()));
        config.routes.beforeMatched(this::beforeMatched);
        config.routes.after(this::after);
        config.routes.exception(InjectedFault.class, (f, ctx) -> {
            ctx.attribute(FAULT, f);
            if (!f.dropped()) captureBody(ctx);
            InjectedFault.write(f, ctx);
        });
    }

    private final DelayedRequests delays = new DelayedRequests();

    /** Ends every pending fault delay now (the rules were cleared, or the server stops). */
    public void releaseDelays() {
        delays.releaseAll();
    }

    /** How many requests wait on a delay fault right now. */
    int delayedRequests() {
        return delays.waiting();
    }

    private void beforeMatched(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) return;
        Operation op = index.find(ctx.method().name(), endpoint.path).orElse(null);
        RequestFacts facts = facts(ctx, op, endpoint.path);
        ctx.attribute(FACTS, facts);
        // the journal records who called as it arrived (the call itself may remove its own key)
        if (journal.enabled() && !facts.control()) facts.tenant();
        if (facts.control()) return;
        Faults.Decision d = faults.decide(facts);
        if (d.none()) return;
        ctx.attribute(FAULT + ".fired", String.join(",", d.firedIds()));
        InjectedFault terminal = d.terminal() == null ? null : new InjectedFault(d.terminal(), facts.oci());
        if (d.delayMs() > 0) {
            // Answered asynchronously: the request thread goes back to the pool while the timer runs; the route's
            // handler (or the fault's error) runs when the wait ends.
            CompletableFuture<Void> wait = delays.after(d.delayMs(), ctx);
            CompletableFuture<Void> then = new CompletableFuture<>();
            wait.whenComplete((v, e) -> {
                if (terminal != null) then.completeExceptionally(terminal);
                else then.complete(null);
            });
            ctx.future(() -> then);
            return;
        }
        if (terminal != null) throw terminal;
    }

    private RequestFacts facts(Context ctx, Operation op, String endpointPath) {
        String path = ctx.path();
        String operationId = op == null ? null : OperationNames.precise(op, path);
        boolean oci = op != null ? op.kind() == Operation.Kind.OCI : path.equals("/v2") || path.startsWith("/v2/");
        return new RequestFacts(
                op,
                operationId,
                ctx.method().name(),
                path,
                endpointPath,
                () -> tenant(ctx, oci),
                oci ? ociRegion : region(path));
    }

    private void after(Context ctx) {
        RequestFacts facts = ctx.attribute(FACTS);
        if (facts != null && facts.control()) {
            // not journaled; live watchers still learn that the state may have changed
            if (!ctx.method().name().equals("GET") && ctx.statusCode() < 400) stream.control(facts.operationId());
            return;
        }
        if (!journal.enabled()) return; // journal switched off: no cost per request
        boolean unmatched = facts == null;
        if (unmatched) {
            if (!journal.recordsUnmatched()) return;
            facts = facts(ctx, null, null);
        }
        Long start = ctx.attribute(START);
        double ms = start == null ? 0 : Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
        InjectedFault fault = ctx.attribute(FAULT);
        String fired = ctx.attribute(FAULT + ".fired");
        String faultId = fault != null ? fault.ruleId() : fired;
        boolean dropped = fault != null && fault.dropped();
        int max = journal.maxBodyBytes();
        byte[] reqBody = ctx.attribute(BodyReader.BODY_ATTRIBUTE);
        Long declared = ctx.attribute(BODY_SIZE);
        JournalBody request = reqBody == null
                ? JournalBody.NONE
                : JournalBody.of(reqBody, declared != null ? declared : reqBody.length, max);
        JournalBody response = dropped ? JournalBody.NONE : responseBody(ctx, max);
        RequestFacts f = facts;
        String time = Json.time(emulator.config().clock().instant());
        // Everything read from the request before the journal's lock is taken: add() only numbers and appends.
        String query = ctx.queryString();
        int status = dropped ? 0 : ctx.statusCode();
        String requestId = ctx.res().getHeader(RequestIds.REQUEST_ID_HEADER);
        JournalEntry entry = journal.add(
                unmatched,
                seq -> new JournalEntry(
                        seq,
                        time,
                        f.operationId(),
                        f.api(),
                        f.method(),
                        f.path(),
                        query,
                        f.endpointPath(),
                        f.tenant(),
                        f.region(),
                        status,
                        ms,
                        f.operation() == null,
                        faultId,
                        dropped,
                        requestId,
                        request,
                        response,
                        null));
        if (entry != null) stream.request(entry);
    }

    /** Journals the calls proxy caches make to their upstreams and applies {@code "target":"upstream"} fault rules. */
    public UpstreamObserver upstreamObserver() {
        return new UpstreamObserver() {
            @Override
            public Fault before(Call call) {
                Faults.Decision d = faults.decideUpstream(call);
                if (d.none()) return Fault.NONE;
                FaultRule t = d.terminal();
                return new Fault(
                        String.join(",", d.firedIds()),
                        d.delayMs(),
                        t == null ? null : t.status(),
                        t == null ? null : t.message(),
                        t != null && t.drop());
            }

            @Override
            public void after(Call call, int status, double durationMs, Fault fault, String error) {
                if (!journal.enabled()) return;
                String time = Json.time(emulator.config().clock().instant());
                java.net.URI u = call.uri();
                JournalEntry entry = journal.add(
                        false,
                        seq -> new JournalEntry(
                                seq,
                                time,
                                call.operationId(),
                                FaultRule.UPSTREAM,
                                call.method(),
                                u.getRawPath(),
                                u.getRawQuery(),
                                null,
                                call.tenant(),
                                call.region(),
                                status,
                                durationMs,
                                false,
                                fault.ruleIds(),
                                fault.drop(),
                                null,
                                JournalBody.NONE,
                                error == null ? JournalBody.NONE : JournalBody.described(error),
                                u.getScheme() + "://" + u.getRawAuthority()));
                if (entry != null) stream.request(entry);
            }
        };
    }

    /**
     * The handler did not run, so nothing read the request body: read up to the journal's limit so verification sees
     * what the faulted call sent, and count the rest (up to BodyReader's discard limit).
     */
    private void captureBody(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] head = in.readNBytes(journal.maxBodyBytes());
            ctx.attribute(BodyReader.BODY_ATTRIBUTE, head);
            ctx.attribute(BODY_SIZE, head.length + BodyReader.discardRest(in, -1));
        } catch (java.io.IOException | RuntimeException e) {
            // the client may already be gone; the error answer is still written
        }
    }

    /** Reads the response body without consuming it; streamed bodies (blobs) are not read, only noted. */
    private static JournalBody responseBody(Context ctx, int max) {
        InputStream in = ctx.resultInputStream();
        if (in == null) return JournalBody.NONE;
        if (!(in instanceof java.io.ByteArrayInputStream)) return JournalBody.described("(streamed body not recorded)");
        try {
            int size = in.available();
            in.mark(size + 1);
            byte[] head = in.readNBytes(Math.min(size, max));
            in.reset();
            return JournalBody.of(head, size, max);
        } catch (java.io.IOException e) {
            return JournalBody.NONE;
        }
    }

    private static String region(String path) {
        Matcher m = REGION_PATH.matcher(path);
        if (m.matches()) return Region.parse(m.group(1)).map(Region::id).orElse(m.group(1));
        return Region.DEFAULT.id();
    }

    /** The caller's tenant from its credentials (management or, on /v2, the registry's own); null when unknown. */
    private String tenant(Context ctx, boolean oci) {
        try {
            if (oci) return ociTenants.tenant(ctx);
            return authenticator.authenticate(ctx).tenantId();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
