package io.mcremulator.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Tiny java.net.http helper of the tests: what a user of the JDK client writes. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String url, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header(header, value)
                .GET()
                .build());
    }

    static HttpResponse<String> postJson(String url, String header, String value, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header(header, value)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }
}
