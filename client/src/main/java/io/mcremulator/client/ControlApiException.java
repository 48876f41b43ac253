package io.mcremulator.client;

/** The control API refused a call: its status (400 bad input, 404 no such rule or snapshot, 409 ...) and its body. */
public final class ControlApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String body;

    public ControlApiException(String call, int status, String body) {
        super(call + " answered " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The error answer (JSON in the MCR error format). */
    public String body() {
        return body;
    }
}
