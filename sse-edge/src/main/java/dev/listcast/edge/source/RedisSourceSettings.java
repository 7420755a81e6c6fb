package dev.listcast.edge.source;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Redis Streams source (keys under {@code listcast.redis}), used when {@code listcast.bus} is
 * {@code redis}.
 *
 * @param url the server, {@code redis://host:port[/db]}
 * @param refresh how often keys are scanned to pick up new {@code listings.<category>} streams
 * @param replayTimeout how long a replay may take before the resume is answered with a reset
 */
public record RedisSourceSettings(String url, Duration refresh, Duration replayTimeout) {
    public RedisSourceSettings {
        Objects.requireNonNull(url, "url == null");
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("listcast.redis.refresh.millis must be positive: " + refresh);
        }
    }

    public static RedisSourceSettings from(Config redis) {
        return new RedisSourceSettings(
                redis.get("url").asString().orElse("redis://127.0.0.1:6379"),
                Duration.ofMillis(redis.get("refresh.millis").asLong().orElse(5_000L)),
                Duration.ofMillis(redis.get("replay.timeout.millis").asLong().orElse(5_000L)));
    }
}
