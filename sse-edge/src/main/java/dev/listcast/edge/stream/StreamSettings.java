package dev.listcast.edge.stream;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * Timing of the SSE stream (keys under {@code listcast.stream}).
 *
 * @param retry what the first {@code retry:} frame tells EventSource to wait before reconnecting
 * @param ping how often every stream gets a {@code ping} event (a comment would be invisible to client watchdogs)
 */
public record StreamSettings(Duration retry, Duration ping) {
    public StreamSettings {
        if (retry.isNegative() || ping.isNegative() || ping.isZero()) {
            throw new IllegalArgumentException("listcast.stream.retry.millis must not be negative and "
                    + "listcast.stream.ping.millis must be positive: " + retry + ", " + ping);
        }
    }

    public static StreamSettings from(Config stream) {
        return new StreamSettings(
                Duration.ofMillis(stream.get("retry.millis").asLong().orElse(2_000L)),
                Duration.ofMillis(stream.get("ping.millis").asLong().orElse(15_000L)));
    }
}
