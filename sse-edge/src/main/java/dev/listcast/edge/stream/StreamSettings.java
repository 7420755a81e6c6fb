package dev.listcast.edge.stream;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stream listener and the SSE stream (keys under {@code listcast.stream}).
 *
 * @param host the address the stream listener binds (defaults to the HTTP server's)
 * @param port its port; 0 picks a free one
 * @param publicUrl where browsers reach the listener ({@code scheme://host:port}), when not at the HTTP port's host
 *     with {@code port} (a proxy in front); the HTTP port redirects stream requests there
 * @param origins pages allowed to read streams cross-origin; empty allows pages of the requested host
 * @param sendBufferBytes the kernel send buffer per stream: small, so a stalled client fills its own queue soon
 * @param headTimeout how long a client may take to send its request head
 * @param retry the least the first {@code retry:} frame tells EventSource to wait before reconnecting (each stream
 *     gets a random wait between this and twice this)
 * @param ping how often every stream gets a {@code ping} event (a comment would be invisible to client watchdogs)
 */
public record StreamSettings(
        String host,
        int port,
        Optional<String> publicUrl,
        Set<String> origins,
        int sendBufferBytes,
        Duration headTimeout,
        Duration retry,
        Duration ping) {

    public StreamSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("listcast.stream.port must be 0..65535: " + port);
        }
        if (sendBufferBytes < 1 || headTimeout.isNegative() || headTimeout.isZero()) {
            throw new IllegalArgumentException("listcast.stream.sendbuffer.bytes and listcast.stream.head.timeout.millis"
                    + " must be positive: " + sendBufferBytes + ", " + headTimeout);
        }
        if (retry.isNegative() || ping.isNegative() || ping.isZero()) {
            throw new IllegalArgumentException("listcast.stream.retry.millis must not be negative and "
                    + "listcast.stream.ping.millis must be positive: " + retry + ", " + ping);
        }
        origins = Set.copyOf(origins);
    }

    /** @param serverHost the HTTP server's bind address, the default of the listener's */
    public static StreamSettings from(Config stream, String serverHost) {
        return new StreamSettings(
                stream.get("host").asString().filter(s -> !s.isBlank()).orElse(serverHost),
                stream.get("port").asInt().orElse(8081),
                stream.get("public.url").asString().map(String::strip).filter(s -> !s.isEmpty()),
                Arrays.stream(stream.get("origins").asString().orElse("").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
                stream.get("sendbuffer.bytes").asInt().orElse(65_536),
                Duration.ofMillis(stream.get("head.timeout.millis").asLong().orElse(10_000L)),
                Duration.ofMillis(stream.get("retry.millis").asLong().orElse(2_000L)),
                Duration.ofMillis(stream.get("ping.millis").asLong().orElse(15_000L)));
    }
}
