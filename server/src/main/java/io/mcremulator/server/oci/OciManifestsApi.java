package io.mcremulator.server.oci;

import io.javalin.http.Context;
import io.mcremulator.core.oci.ManifestContent;
import io.mcremulator.core.oci.ManifestPushed;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.proxy.PullThrough;
import java.io.InputStream;

/** {@code PUT|GET|HEAD|DELETE /v2/<name>/manifests/<reference>}: manifests byte for byte, by tag or digest. */
public final class OciManifestsApi {
    private final int maxManifestBytes;
    private final PullThrough pullThrough;

    public OciManifestsApi(int maxManifestBytes, PullThrough pullThrough) {
        this.maxManifestBytes = maxManifestBytes;
        this.pullThrough = pullThrough;
    }

    public void put(OciCall c) throws Exception {
        byte[] body;
        try (InputStream in = c.body()) {
            body = in.readNBytes(maxManifestBytes + 1); // one byte over lets the engine answer 413
            if (body.length > maxManifestBytes)
                BodyReader.discardRest(in, c.ctx().req().getContentLengthLong());
        }
        ManifestPushed pushed = c.engine()
                .ociManifests()
                .put(
                        c.principal(),
                        c.name(),
                        c.path("reference"),
                        c.ctx().header("Content-Type"),
                        body,
                        c.queries("tag"));
        Context ctx = c.ctx();
        ctx.header("Location", "/v2/" + c.name() + "/manifests/" + pushed.digest());
        ctx.header("Docker-Content-Digest", pushed.digest());
        if (pushed.subject() != null) ctx.header("OCI-Subject", pushed.subject());
        if (!c.queries("tag").isEmpty())
            for (String t : pushed.tags()) ctx.res().addHeader("OCI-Tag", t);
        OciResponses.empty(ctx, 201);
    }

    /** GET and HEAD; only GET counts as a pull of the image (see docs/behaviour.md). */
    public void get(OciCall c) throws Exception {
        pullThrough.prepareManifest(
                c.engine(),
                c.principal(),
                c.name(),
                c.path("reference")); // a proxy-cache registry fetches what it does not hold yet
        boolean head = OciResponses.isHead(c.ctx());
        ManifestContent m =
                c.engine().ociManifests().get(c.principal(), c.name(), c.path("reference"), c.accept(), !head);
        c.ctx().header("Docker-Content-Digest", m.digest());
        c.ctx().header("ETag", "\"" + m.digest() + "\"");
        OciResponses.bytes(c.ctx(), 200, m.mediaType(), m.bytes());
    }

    public void delete(OciCall c) {
        c.engine().ociManifests().delete(c.principal(), c.name(), c.path("reference"));
        OciResponses.empty(c.ctx(), 202);
    }
}
