package dev.listcast.bench.load;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The raw HTTP/1.1 request that opens one event stream. */
public final class SseRequest {
    private SseRequest() {
    }

    /** {@code GET path} accepting {@code text/event-stream}, with a bearer token when {@code token} is not null. */
    public static byte[] get(InetSocketAddress server, String path, String token) {
        StringBuilder request = new StringBuilder(512)
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.getHostString()).append(':').append(server.getPort()).append("\r\n")
                .append("Accept: text/event-stream\r\n")
                .append("Cache-Control: no-cache\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
