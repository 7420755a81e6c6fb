package dev.listcast.processor.redis;

import dev.listcast.events.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * Typed settings of the Redis Streams runner, read once from {@link Settings} (defaults &lt; file &lt; environment
 * &lt; overrides); the environment variable of {@code processor.redis.workers} is
 * {@code LISTCAST_PROCESSOR_REDIS_WORKERS}.
 *
 * @param url {@code redis.url}, default {@code redis://127.0.0.1:6379} (a Lettuce URI: {@code /2} selects
 *     database 2, {@code rediss://} uses TLS); the same key cdc-ingest's Redis bus reads
 * @param workers {@code processor.redis.workers}, default 2: consumers of one group in this process, one thread and
 *     one connection each. Two, one per core here: a worker spends most of its time waiting on Redis round trips,
 *     and the second one takes over at once when the first one stalls
 * @param group {@code processor.redis.group}, default {@code listcast-processor} (the Kafka runner's application
 *     id): processes sharing it share the work
 * @param block {@code processor.redis.block.ms}, default 200: how long XREADGROUP waits for a new entry. An
 *     entry wakes the read at once, so this costs no latency; it bounds how long {@link RedisListingWorkers#close}
 *     waits and how often an idle worker looks for abandoned entries (5 cheap commands a second)
 * @param batch {@code processor.redis.batch}, default 100: COUNT of each read and claim. A read returns what is
 *     there at once, so a lone listing never waits for company; the cap only keeps a backlog from landing in
 *     one worker while the others idle
 * @param claimIdle {@code processor.redis.claim.idle.ms}, default 5000: entries another consumer read but has not
 *     acknowledged for this long are claimed (XAUTOCLAIM) and processed here. Claiming from a consumer that was
 *     merely slow costs nothing but work (the output script dedupes), so this is short: it is the extra delay of
 *     a listing whose worker died, and it must exceed a normal processing pause (a GC, a Redis failover)
 * @param dedupeTtl {@code processor.redis.dedupe.ttl.seconds}, default 86400: how long an emitted event id is
 *     remembered ({@code listcast:seen:<eventId>}); the same day as the Kafka runner's dedupe window, which covers
 *     a CDC replay after a processor that was down overnight
 * @param maxLen {@code redis.stream.maxlen}, default 100000: approximate cap ({@code MAXLEN ~}) of the
 *     {@code listings.*} streams this runner writes, like cdc-ingest's; 0 keeps everything. It is the horizon
 *     from which the edge can replay a listing stream to a reconnecting browser
 */
public record RedisProcessorSettings(
        String url,
        int workers,
        String group,
        Duration block,
        int batch,
        Duration claimIdle,
        Duration dedupeTtl,
        long maxLen) {

    public RedisProcessorSettings {
        Objects.requireNonNull(url, "redis.url == null");
        Objects.requireNonNull(group, "processor.redis.group == null");
        positive("processor.redis.workers", workers);
        positive("processor.redis.batch", batch);
        if (group.isBlank()) {
            throw new IllegalArgumentException("processor.redis.group is blank");
        }
        if (block.toMillis() < 1 || claimIdle.toMillis() < 1) {
            throw new IllegalArgumentException("processor.redis.block.ms and processor.redis.claim.idle.ms must be "
                    + "at least 1: " + block.toMillis() + ", " + claimIdle.toMillis());
        }
        if (dedupeTtl.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "processor.redis.dedupe.ttl.seconds must be at least 1: " + dedupeTtl.toSeconds());
        }
        if (maxLen < 0) {
            throw new IllegalArgumentException("redis.stream.maxlen must not be negative: " + maxLen);
        }
    }

    public static RedisProcessorSettings from(Settings settings) {
        return new RedisProcessorSettings(
                settings.get("redis.url", "redis://127.0.0.1:6379"),
                settings.getInt("processor.redis.workers", 2),
                settings.get("processor.redis.group", "listcast-processor"),
                settings.getMillis("processor.redis.block.ms", Duration.ofMillis(200)),
                settings.getInt("processor.redis.batch", 100),
                settings.getMillis("processor.redis.claim.idle.ms", Duration.ofSeconds(5)),
                Duration.ofSeconds(settings.getLong("processor.redis.dedupe.ttl.seconds", 86_400)),
                settings.getLong("redis.stream.maxlen", 100_000));
    }

    private static void positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive: " + value);
        }
    }
}
