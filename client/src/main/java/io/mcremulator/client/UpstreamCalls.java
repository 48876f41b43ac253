package io.mcremulator.client;

import java.util.Set;

/**
 * The calls a proxy cache makes to its upstream registry, by the operation ids the request journal records them
 * under ({@code api: "upstream"}) and fault rules with {@code "target":"upstream"} ({@link FaultSpec#upstream()}) match.
 * {@code verify("upstreamManifestGet").calledOnce()} asserts "pulled from the upstream once".
 */
public final class UpstreamCalls {
    /** {@code GET /v2/} of a status probe. */
    public static final String PING = "upstreamPing";
    /** A Bearer token from the upstream's token service. */
    public static final String TOKEN = "upstreamToken";

    public static final String MANIFEST_HEAD = "upstreamManifestHead";
    public static final String MANIFEST_GET = "upstreamManifestGet";
    public static final String BLOB_HEAD = "upstreamBlobHead";
    public static final String BLOB_GET = "upstreamBlobGet";

    /** Every upstream operation id. */
    public static final Set<String> OPERATION_IDS =
            Set.of(PING, TOKEN, MANIFEST_HEAD, MANIFEST_GET, BLOB_HEAD, BLOB_GET);

    private UpstreamCalls() {}
}
