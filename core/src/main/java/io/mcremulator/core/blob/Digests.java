package io.mcremulator.core.blob;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/** Content digests as the OCI spec writes them: {@code sha256:<64 hex>} or {@code sha512:<128 hex>}, lowercase. */
public final class Digests {
    private static final Pattern SHA256 = Pattern.compile("^sha256:[0-9a-f]{64}$");
    private static final Pattern SHA512 = Pattern.compile("^sha512:[0-9a-f]{128}$");

    private Digests() {}

    /** The digests seed documents give: {@code sha256:<64 lowercase hex>}. */
    public static boolean isSha256(String digest) {
        return digest != null && SHA256.matcher(digest).matches();
    }

    public static boolean isValid(String digest) {
        return digest != null
                && (SHA256.matcher(digest).matches() || SHA512.matcher(digest).matches());
    }

    /** Returns the digest, or throws 400 {@code DIGEST_INVALID} naming the accepted forms. */
    public static String require(String digest) {
        if (!isValid(digest)) {
            throw new EmulatorException(
                    ErrorCode.DIGEST_INVALID,
                    "invalid digest '" + digest + "': expected sha256:<64 lowercase hex> or sha512:<128 lowercase hex>",
                    Map.of("digest", String.valueOf(digest)));
        }
        return digest;
    }

    public static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    /** The digest of {@code bytes} in the algorithm of {@code like} (sha256 or sha512). */
    public static String digestLike(String like, byte[] bytes) {
        if (like.startsWith("sha512:"))
            return "sha512:" + HexFormat.of().formatHex(newSha512().digest(bytes));
        return sha256(bytes);
    }

    static MessageDigest newSha256() {
        return md("SHA-256");
    }

    static MessageDigest newSha512() {
        return md("SHA-512");
    }

    private static MessageDigest md(String alg) {
        try {
            return MessageDigest.getInstance(alg);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " is required by the Java platform", e);
        }
    }
}
