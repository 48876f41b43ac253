package io.mcremulator.core.error;

/**
 * The single catalogue of every error the emulator can answer with, for both APIs it speaks.
 *
 * <p>{@link Api#MCR} codes are the management API's {@code slug}s (snake case, as in the MCR
 * OpenAPI {@code Error} schema). {@link Api#OCI} codes are the OCI Distribution error codes
 * (upper snake case, as in the distribution spec's error code table).
 */
public enum ErrorCode {
    // --- MCR management API (body {slug, message, detail}) ---
    BAD_REQUEST(400, "bad_request", "UNSUPPORTED", "invalid param"),
    UNAUTHORIZED(401, "unauthorized", "UNAUTHORIZED", "invalid email on token"),
    FORBIDDEN(403, "forbidden", "DENIED", "user not allowed"),
    NOT_FOUND(404, "not_found", "NAME_UNKNOWN", "error when getting resource: not found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "UNSUPPORTED", "method not allowed"),
    CONFLICT(409, "conflict", "UNSUPPORTED", "resource already exists"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "SIZE_INVALID", "request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "UNSUPPORTED", "unsupported media type"),
    TOO_MANY_REQUESTS(429, "too_many_requests", "TOOMANYREQUESTS", "too many requests"),
    INTERNAL_SERVER_ERROR(500, "internal_server_error", "UNKNOWN", "internal server error"),
    SERVICE_UNAVAILABLE(503, "service_unavailable", "UNAVAILABLE", "service unavailable"),

    // --- OCI Distribution API (body {"errors":[{code, message, detail}]}) ---
    BLOB_UNKNOWN(404, "BLOB_UNKNOWN", "blob unknown to registry"),
    BLOB_UPLOAD_INVALID(400, "BLOB_UPLOAD_INVALID", "blob upload invalid"),
    BLOB_UPLOAD_UNKNOWN(404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry"),
    DIGEST_INVALID(400, "DIGEST_INVALID", "provided digest did not match uploaded content"),
    MANIFEST_BLOB_UNKNOWN(400, "MANIFEST_BLOB_UNKNOWN", "manifest references a manifest or blob unknown to registry"),
    MANIFEST_INVALID(400, "MANIFEST_INVALID", "manifest invalid"),
    MANIFEST_UNKNOWN(404, "MANIFEST_UNKNOWN", "manifest unknown"),
    NAME_INVALID(400, "NAME_INVALID", "invalid repository name"),
    NAME_UNKNOWN(404, "NAME_UNKNOWN", "repository name not known to registry"),
    SIZE_INVALID(400, "SIZE_INVALID", "provided length did not match content length"),
    OCI_UNAUTHORIZED(401, "UNAUTHORIZED", "authentication required"),
    DENIED(403, "DENIED", "requested access to the resource is denied"),
    UNSUPPORTED(405, "UNSUPPORTED", "the operation is unsupported"),
    TOOMANYREQUESTS(429, "TOOMANYREQUESTS", "too many requests"),
    OCI_MANIFEST_TOO_LARGE(413, "SIZE_INVALID", "manifest too large"),
    OCI_RANGE_INVALID(416, "BLOB_UPLOAD_INVALID", "chunk out of order or range invalid"),
    OCI_PAGINATION_NUMBER_INVALID(400, "PAGINATION_NUMBER_INVALID", "invalid number of results requested"),
    OCI_STORAGE_FULL(507, "DENIED", "storage quota of the emulator exceeded");

    /** Which API's error format a code belongs to. */
    public enum Api {
        MCR,
        OCI
    }

    private final Api api;
    private final int status;
    private final String code;
    private final String ociCode;
    private final String defaultMessage;

    /**
     * An MCR entry.
     *
     * @param ociCode the code answered when this error happens under /v2: the distribution code of the same meaning
     *                ({@code UNKNOWN} and {@code UNAVAILABLE} are docker/distribution's codes for 500 and 503, which
     *                the OCI spec's table leaves out; 400 and 409 have none of their own and say {@code UNSUPPORTED})
     */
    ErrorCode(int status, String slug, String ociCode, String defaultMessage) {
        this.api = Api.MCR;
        this.status = status;
        this.code = slug;
        this.ociCode = ociCode;
        this.defaultMessage = defaultMessage;
    }

    /** An OCI entry: its code is the one written under /v2. */
    ErrorCode(int status, String ociCode, String defaultMessage) {
        this.api = Api.OCI;
        this.status = status;
        this.code = ociCode;
        this.ociCode = ociCode;
        this.defaultMessage = defaultMessage;
    }

    public Api api() {
        return api;
    }

    /** HTTP status answered with this code. */
    public int status() {
        return status;
    }

    /** The slug (MCR) or error code (OCI) written in the body. */
    public String code() {
        return code;
    }

    /** The slug of this error in the management and control APIs' format: an OCI entry's is its status's slug. */
    public String slug() {
        return api == Api.MCR ? code : mcrForStatus(status).code;
    }

    /** The code of this error in the OCI format ({@code {"errors":[{code,...}]}}), whichever API raised it. */
    public String ociCode() {
        return ociCode;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /**
     * The MCR entry of a status, for statuses produced outside the domain (the HTTP layer, injected faults): the
     * entry with that status, else {@link #INTERNAL_SERVER_ERROR} for 5xx and {@link #BAD_REQUEST} for the rest.
     */
    public static ErrorCode mcrForStatus(int status) {
        for (ErrorCode c : values()) {
            if (c.api == Api.MCR && c.status == status) return c;
        }
        return status >= 500 ? INTERNAL_SERVER_ERROR : BAD_REQUEST;
    }
}
