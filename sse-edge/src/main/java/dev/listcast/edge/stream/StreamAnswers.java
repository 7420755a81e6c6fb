package dev.listcast.edge.stream;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The listener's whole HTTP vocabulary as bytes. The stream's body runs until the connection closes, without
 * chunking: nothing needs to be framed per client, so every client gets the very same frame bytes.
 */
final class StreamAnswers {
    private StreamAnswers() {
    }

    /** The head of a stream; {@code cors} as {@link CorsPolicy#headers} gave it. */
    static byte[] stream(String cors) {
        return ascii("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/event-stream; charset=utf-8\r\n"
                + "Cache-Control: no-cache\r\n"
                // nginx and similar proxies would otherwise buffer the stream
                + "X-Accel-Buffering: no\r\n"
                + "Connection: close\r\n"
                + cors + "\r\n");
    }

    /** The answer to a CORS preflight (a page sending {@code Authorization} or {@code Last-Event-ID}). */
    static byte[] preflight(String cors) {
        return ascii("HTTP/1.1 204 No Content\r\n"
                + "Access-Control-Allow-Methods: GET\r\n"
                + "Access-Control-Allow-Headers: Authorization, Last-Event-ID, Cache-Control\r\n"
                + "Access-Control-Max-Age: 600\r\n"
                + "Connection: close\r\n"
                + cors + "\r\n");
    }

    /** {@code {"error": code, "reason": reason}} with the status of {@code e}, as the HTTP port answers errors. */
    static byte[] error(ApiException e, String cors) {
        byte[] body = Json.bytes(Map.of("error", e.code(), "reason", e.getMessage()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + body.length);
        out.writeBytes(ascii("HTTP/1.1 " + e.status().code() + " " + e.status().reasonPhrase() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + (e.retryAfterSeconds() > 0 ? "Retry-After: " + e.retryAfterSeconds() + "\r\n" : "")
                + "Connection: close\r\n"
                + cors + "\r\n"));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
