package dev.listcast.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Small blocking HTTP calls against a test edge. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }

    static HttpResponse<String> get(int port, String path, String... headers) {
        return send(request(port, path, headers).GET().build());
    }

    static HttpResponse<String> post(int port, String path, String body, String... headers) {
        return send(request(port, path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> delete(int port, String path, String... headers) {
        return send(request(port, path, headers).DELETE().build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    private static HttpRequest.Builder request(int port, String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the samples of one Prometheus metric of the edge on {@code port}. */
    static double metric(int port, String name) {
        String body = get(port, "/observe/metrics", "Accept", "text/plain").body();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
