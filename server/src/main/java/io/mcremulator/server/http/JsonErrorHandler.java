package io.mcremulator.server.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (a malformed request line or percent-escape, a URI or headers
 * too long, an unknown {@code Expect}): JSON in the called plane's format with the request and trace ids, written by
 * {@link JsonAnswers}, instead of Jetty's HTML page or an empty body. Every method gets the body (Jetty's default
 * writes one only for GET, POST and HEAD).
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        JsonAnswers.error(request, response, callback, answer(code, message));
    }

    /** What a refusal of the HTTP layer answers; bad input is always a 4xx. */
    static ErrorAnswer answer(int code, String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            // Jetty reads a request line without a request-target ("GET  HTTP/1.1") as HTTP/0.9: a malformed
            // request, like an unknown version, is the client's error.
            return ErrorAnswer.ofStatus(
                    400, "malformed request line: " + reason + " (expected <method> <request-target> HTTP/1.x)");
        }
        if (code == HttpStatus.NOT_IMPLEMENTED_501) {
            // An unknown Transfer-Encoding: the request cannot be read, which is the client's doing.
            return ErrorAnswer.ofStatus(400, "request rejected by the HTTP layer: " + reason);
        }
        return ErrorAnswer.ofStatus(code, "request rejected by the HTTP layer: " + code + " " + reason);
    }
}
