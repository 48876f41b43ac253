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
    BAD_REQUEST(Api.MCR, 400, "bad_request", "invalid param"),
    UNAUTHORIZED(Api.MCR, 401, "unauthorized", "invalid email on token"),
    FORBIDDEN(Api.MCR, 403, "forbidden", "user not allowed"),
    NOT_FOUND(Api.MCR, 404, "not_found", "error when getting resource: not found"),
    METHOD_NOT_ALLOWED(Api.MCR, 405, "method_not_allowed", "method not allowed"),
    CONFLICT(Api.MCR, 409, "conflict", "resource already exists"),
    PAYLOAD_TOO_LARGE(Api.MCR, 413, "payload_too_large", "request body too large"),
    UNSUPPORTED_MEDIA_TYPE(Api.MCR, 415, "unsupported_media_type", "unsupported media type"),
    TOO_MANY_REQUESTS(Api.MCR, 429, "too_many_requests", "too many requests"),
    INTERNAL_SERVER_ERROR(Api.MCR, 500, "internal_server_error", "internal server error"),
    SERVICE_UNAVAILABLE(Api.MCR, 503, "service_unavailable", "service unavailable"),

    // --- OCI Distribution API (body {"errors":[{code, message, detail}]}) ---
    BLOB_UNKNOWN(Api.OCI, 404, "BLOB_UNKNOWN", "blob unknown to registry"),
    BLOB_UPLOAD_INVALID(Api.OCI, 400, "BLOB_UPLOAD_INVALID", "blob upload invalid"),
    BLOB_UPLOAD_UNKNOWN(Api.OCI, 404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry"),
    DIGEST_INVALID(Api.OCI, 400, "DIGEST_INVALID", "provided digest did not match uploaded content"),
    MANIFEST_BLOB_UNKNOWN(
            Api.OCI, 400, "MANIFEST_BLOB_UNKNOWN", "manifest references a manifest or blob unknown to registry"),
    MANIFEST_INVALID(Api.OCI, 400, "MANIFEST_INVALID", "manifest invalid"),
    MANIFEST_UNKNOWN(Api.OCI, 404, "MANIFEST_UNKNOWN", "manifest unknown"),
    NAME_INVALID(Api.OCI, 400, "NAME_INVALID", "invalid repository name"),
    NAME_UNKNOWN(Api.OCI, 404, "NAME_UNKNOWN", "repository name not known to registry"),
    SIZE_INVALID(Api.OCI, 400, "SIZE_INVALID", "provided length did not match content length"),
    OCI_UNAUTHORIZED(Api.OCI, 401, "UNAUTHORIZED", "authentication required"),
    DENIED(Api.OCI, 403, "DENIED", "requested access to the resource is denied"),
    UNSUPPORTED(Api.OCI, 405, "UNSUPPORTED", "the operation is unsupported"),
    TOOMANYREQUESTS(Api.OCI, 429, "TOOMANYREQUESTS", "too many requests"),
    OCI_MANIFEST_TOO_LARGE(Api.OCI, 413, "SIZE_INVALID", "manifest too large"),
    OCI_RANGE_INVALID(Api.OCI, 416, "BLOB_UPLOAD_INVALID", "chunk out of order or range invalid"),
    OCI_PAGINATION_NUMBER_INVALID(Api.OCI, 400, "PAGINATION_NUMBER_INVALID", "invalid number of results requested"),
    OCI_STORAGE_FULL(Api.OCI, 507, "DENIED", "storage quota of the emulator exceeded"),
    /** A proxy cache's upstream could not be reached or failed (5xx, refused connection, wrong digest). */
    UPSTREAM_UNAVAILABLE(Api.OCI, 502, "UNAVAILABLE", "the proxy cache's upstream registry is unavailable"),
    /** A proxy cache's upstream did not answer within the upstream timeout. */
    UPSTREAM_TIMEOUT(Api.OCI, 504, "UNAVAILABLE", "the proxy cache's upstream registry did not answer in time");

    /** Which API's error format a code belongs to. */
    public enum Api {
        MCR,
        OCI
    }

    private final Api api;
    private final int status;
    private final String code;
    private final String defaultMessage;

    ErrorCode(Api api, int status, String code, String defaultMessage) {
        this.api = api;
        this.status = status;
        this.code = code;
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

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The MCR slug for a status, for statuses produced outside the domain (e.g. by the HTTP layer). */
    public static ErrorCode mcrForStatus(int status) {
        for (ErrorCode c : values()) {
            if (c.api == Api.MCR && c.status == status) return c;
        }
        return status >= 500 ? INTERNAL_SERVER_ERROR : BAD_REQUEST;
    }
}
