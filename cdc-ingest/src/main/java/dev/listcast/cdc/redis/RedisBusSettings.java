package dev.listcast.cdc.redis;

import dev.listcast.events.Settings;
import java.util.Objects;

/**
 * Typed settings of the Redis Streams bus as cdc-ingest writes it; the environment variable of key
 * {@code redis.url} is {@code LISTCAST_REDIS_URL} (see {@link Settings}).
 *
 * @param url {@code redis.url}, default {@code redis://127.0.0.1:6379}: a Lettuce URI, so
 *     {@code redis://:password@host:6379/2} selects database 2 and {@code rediss://} uses TLS
 * @param processorGroup {@code processor.redis.group}, default {@code listcast-processor}: the consumer group the
 *     stream processor reads {@code market.items.changes} with; the same key the processor reads, so both create
 *     the same group whichever starts first
 * @param maxLen {@code redis.stream.maxlen}, default 100000: each XADD trims its stream to about this many entries
 *     ({@code MAXLEN ~}, which trims whole radix-tree nodes and costs next to nothing); 0 keeps everything. It is
 *     the Redis counterpart of Kafka's retention: a processor lagging by more entries than this loses the oldest
 *     changes, so size it above the worst backlog you accept (100000 item changes are ~100 MB of Redis memory).
 *     Compacted topics (the sellers) are never trimmed: the sellers table needs every seller's last change
 */
public record RedisBusSettings(String url, String processorGroup, long maxLen) {

    public RedisBusSettings {
        Objects.requireNonNull(url, "redis.url == null");
        Objects.requireNonNull(processorGroup, "processor.redis.group == null");
        if (processorGroup.isBlank()) {
            throw new IllegalArgumentException("processor.redis.group is blank");
        }
        if (maxLen < 0) {
            throw new IllegalArgumentException("redis.stream.maxlen must not be negative: " + maxLen);
        }
    }

    public static RedisBusSettings from(Settings settings) {
        return new RedisBusSettings(
                settings.get("redis.url", "redis://127.0.0.1:6379"),
                settings.get("processor.redis.group", "listcast-processor"),
                settings.getLong("redis.stream.maxlen", 100_000));
    }
}
