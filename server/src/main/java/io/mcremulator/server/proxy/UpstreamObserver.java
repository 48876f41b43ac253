package io.mcremulator.server.proxy;

import java.net.URI;

/**
 * What the test-control plane sees of upstream calls: fault rules with {@code "target":"upstream"} decide what
 * happens before a call, and the request journal records each call after it ({@code api: "upstream"}).
 */
public interface UpstreamObserver {
    /** One call to a proxy cache's upstream, made on behalf of {@code tenant}'s pull in {@code region}. */
    record Call(String operationId, String method, URI uri, String tenant, String region) {}

    /**
     * What fault rules decided for a call: wait {@code delayMs}, then answer {@code status} as if the upstream had,
     * or drop the connection, or carry on. {@code ruleIds} names the rules that fired (null: none).
     */
    record Fault(String ruleIds, long delayMs, Integer status, String message, boolean drop) {
        public static final Fault NONE = new Fault(null, 0, null, null, false);
    }

    Fault before(Call call);

    /**
     * @param status the upstream's status, 0 when it did not answer
     * @param error  why there was no answer (refused, timeout, dropped by a fault), else null
     */
    void after(Call call, int status, double durationMs, Fault fault, String error);

    UpstreamObserver NONE = new UpstreamObserver() {
        @Override
        public Fault before(Call call) {
            return Fault.NONE;
        }

        @Override
        public void after(Call call, int status, double durationMs, Fault fault, String error) {}
    };
}
