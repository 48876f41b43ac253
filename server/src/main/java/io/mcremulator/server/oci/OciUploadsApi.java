package io.mcremulator.server.oci;

import io.javalin.http.Context;
import io.mcremulator.core.OciBlobs;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.BlobStat;
import io.mcremulator.core.oci.UploadStatus;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blob uploads: {@code POST /v2/<name>/blobs/uploads/} (new session, {@code ?digest=} single request,
 * {@code ?mount=&from=} mount with fallback to a session), then {@code PATCH} (streamed or {@code Content-Range}
 * chunks), {@code PUT ?digest=}, {@code GET} (status) and {@code DELETE} (cancel) on the session URL.
 */
public final class OciUploadsApi {
    private static final Pattern CONTENT_RANGE = Pattern.compile("^(?:bytes[ =])?(\\d+)-(\\d+)(?:/(\\d+|\\*))?$");

    public void start(OciCall c) {
        OciBlobs blobs = c.engine().ociBlobs();
        String mount = c.query("mount");
        if (mount != null) {
            Optional<BlobStat> mounted = blobs.mount(c.principal(), c.name(), mount, c.query("from"));
            if (mounted.isPresent()) {
                created(c, mounted.get());
                return;
            }
        }
        String digest = c.query("digest");
        if (digest != null && mount == null && c.contentLength() != 0) {
            created(c, blobs.upload(c.principal(), c.name(), digest, c.body(), c.contentLength()));
            return;
        }
        session(c, 202, blobs.startUpload(c.principal(), c.name()));
    }

    public void patch(OciCall c) {
        Long start = null;
        Long end = null;
        String range = c.ctx().header("Content-Range");
        if (range != null && !range.isBlank()) {
            Matcher m = CONTENT_RANGE.matcher(range.trim());
            // numbers past 2^63-1 (19 digits and more) are as malformed as letters
            if (!m.matches() || m.group(1).length() > 18 || m.group(2).length() > 18) {
                throw new EmulatorException(
                        ErrorCode.OCI_RANGE_INVALID,
                        "malformed Content-Range '" + range + "': expected <start>-<end>",
                        Map.of("upload", c.path("upload_id"), "range", currentRange(c)));
            }
            start = Long.parseLong(m.group(1));
            end = Long.parseLong(m.group(2));
        }
        UploadStatus st = c.engine()
                .ociBlobs()
                .append(c.principal(), c.name(), c.path("upload_id"), c.body(), start, end, c.contentLength());
        session(c, 202, st);
    }

    public void finish(OciCall c) {
        String digest = c.query("digest");
        if (digest == null) {
            throw new EmulatorException(
                    ErrorCode.DIGEST_INVALID, "the closing PUT needs ?digest=<digest> of the whole blob", Map.of());
        }
        created(
                c,
                c.engine()
                        .ociBlobs()
                        .finish(c.principal(), c.name(), c.path("upload_id"), digest, c.body(), c.contentLength()));
    }

    public void status(OciCall c) {
        session(c, 204, c.engine().ociBlobs().status(c.principal(), c.name(), c.path("upload_id")));
    }

    public void cancel(OciCall c) {
        c.engine().ociBlobs().cancel(c.principal(), c.name(), c.path("upload_id"));
        OciResponses.empty(c.ctx(), 204);
    }

    private static String currentRange(OciCall c) {
        return c.engine()
                .ociBlobs()
                .status(c.principal(), c.name(), c.path("upload_id"))
                .range();
    }

    private static void session(OciCall c, int status, UploadStatus st) {
        Context ctx = c.ctx();
        ctx.header("Location", "/v2/" + st.name() + "/blobs/uploads/" + st.id());
        ctx.header("Range", st.range());
        ctx.header("Docker-Upload-UUID", st.id());
        OciResponses.empty(ctx, status);
    }

    private static void created(OciCall c, BlobStat st) {
        Context ctx = c.ctx();
        ctx.header("Location", "/v2/" + c.name() + "/blobs/" + st.digest());
        ctx.header("Docker-Content-Digest", st.digest());
        OciResponses.empty(ctx, 201);
    }
}
