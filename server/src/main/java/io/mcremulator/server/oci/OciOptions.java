package io.mcremulator.server.oci;

import io.mcremulator.core.BlobStorageConfig;
import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.core.Region;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Standalone flags (and their environment variables) of the /v2 registry API and its blob storage. */
public final class OciOptions {
    /** Flag name to environment variable. */
    public static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("registry-region", "MCR_REGISTRY_REGION");
        FLAGS.put("registry-auth", "MCR_REGISTRY_AUTH");
        FLAGS.put("registry-token-ttl-seconds", "MCR_REGISTRY_TOKEN_TTL_SECONDS");
        FLAGS.put("blob-dir", "MCR_BLOB_DIR");
        FLAGS.put("max-stored-bytes", "MCR_MAX_STORED_BYTES");
        FLAGS.put("upload-expiry-seconds", "MCR_UPLOAD_EXPIRY_SECONDS");
    }

    private OciOptions() {}

    /** Blob storage settings into the engine configuration. */
    public static void applyEngine(Map<String, String> o, EmulatorConfig.Builder engine) {
        BlobStorageConfig c = BlobStorageConfig.defaults();
        if (o.containsKey("blob-dir")) c = c.withFolder(Path.of(o.get("blob-dir")));
        if (o.containsKey("max-stored-bytes")) c = c.withMaxStoredBytes(longOption(o, "max-stored-bytes"));
        if (o.containsKey("upload-expiry-seconds"))
            c = c.withUploadExpiry(Duration.ofSeconds(longOption(o, "upload-expiry-seconds")));
        engine.blobStorage(c);
    }

    /** Region, challenge and token lifetime of /v2, from the flags given. */
    public static OciSettings settings(Map<String, String> o) {
        OciSettings s = OciSettings.defaults();
        if (o.containsKey("registry-region")) {
            String r = o.get("registry-region");
            s = s.withRegion(Region.parse(r)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--registry-region must be br-se1, br-ne1 or br-mgl1 (br-se-1), got '" + r + "'")));
        }
        if (o.containsKey("registry-auth")) {
            String v = o.get("registry-auth").toUpperCase(Locale.ROOT);
            try {
                s = s.withChallenge(OciSettings.Challenge.valueOf(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--registry-auth must be 'bearer' or 'basic', got '" + o.get("registry-auth") + "'");
            }
        }
        if (o.containsKey("registry-token-ttl-seconds")) {
            s = new OciSettings(
                    s.region(),
                    s.challenge(),
                    Duration.ofSeconds(longOption(o, "registry-token-ttl-seconds")),
                    s.service());
        }
        return s;
    }

    private static long longOption(Map<String, String> o, String name) {
        try {
            return Long.parseLong(o.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + o.get(name) + "'");
        }
    }
}
