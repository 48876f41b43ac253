package io.mcremulator.server.oci;

import io.javalin.http.Context;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.BlobStat;
import io.mcremulator.server.proxy.PullThrough;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET|HEAD|DELETE /v2/<name>/blobs/<digest>}: blob reads (with Range) and unlinking. */
public final class OciBlobsApi {
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");
    private final PullThrough pullThrough;

    public OciBlobsApi(PullThrough pullThrough) {
        this.pullThrough = pullThrough;
    }

    /** GET and HEAD: {@code Content-Length}, {@code Docker-Content-Digest}; a {@code Range} gets 206. */
    public void get(OciCall c) throws Exception {
        if (pullThrough.serveBlob(c.ctx(), c.engine(), c.principal(), c.name(), c.path("digest")))
            return; // a proxy-cache registry's miss, streamed from its upstream
        String digest = c.path("digest");
        BlobStat st = c.engine().ociBlobs().stat(c.principal(), c.name(), digest);
        Context ctx = c.ctx();
        ctx.header("Docker-Content-Digest", st.digest());
        ctx.header("ETag", "\"" + st.digest() + "\"");
        ctx.header("Accept-Ranges", "bytes");
        ctx.res().setContentType("application/octet-stream");
        String range = ctx.header("Range");
        long from = 0;
        long to = st.size() - 1;
        int status = 200;
        if (range != null && !range.isBlank()) {
            long[] r = parseRange(range.trim(), st.size());
            if (r == null) {
                ctx.header("Content-Range", "bytes */" + st.size());
                throw new EmulatorException(
                        ErrorCode.OCI_RANGE_INVALID,
                        "range '" + range + "' cannot be satisfied for a blob of " + st.size() + " bytes",
                        Map.of("size", st.size()));
            }
            from = r[0];
            to = r[1];
            status = 206;
            ctx.header("Content-Range", "bytes " + from + "-" + to + "/" + st.size());
        }
        long length = Math.max(0, to - from + 1);
        if (OciResponses.isHead(ctx)) {
            OciResponses.stream(ctx, status, length, java.io.InputStream.nullInputStream());
            return;
        }
        OciResponses.stream(
                ctx, status, length, c.engine().ociBlobs().open(c.principal(), c.name(), digest, from, length));
    }

    public void delete(OciCall c) {
        c.engine().ociBlobs().delete(c.principal(), c.name(), c.path("digest"));
        OciResponses.empty(c.ctx(), 202);
    }

    /** {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}; null when unsatisfiable or malformed. */
    static long[] parseRange(String header, long size) {
        Matcher m = RANGE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return null;
        try {
            long from;
            long to;
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) return null;
                from = Math.max(0, size - suffix);
                to = size - 1;
            } else {
                from = Long.parseLong(m.group(1));
                to = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            }
            return from > to || from >= size ? null : new long[] {from, to};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
