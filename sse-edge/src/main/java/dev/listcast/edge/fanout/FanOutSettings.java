package dev.listcast.edge.fanout;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * Limits of the fan-out and of resume (keys under {@code listcast.stream} and {@code listcast.resume}).
 *
 * @param queueCapacity frames one connection may lag behind before it is cut with {@code overflow}
 * @param userConnections open streams per user; one more replaces the oldest
 * @param maxConnections open streams per edge; one more gets 503
 * @param retryAfterSeconds base of the jittered {@code Retry-After} of that 503
 * @param ringCapacity recent events held in memory for resume, polling and first paint
 * @param resumeOverlap how far before a resume id's timestamp other partitions are replayed
 * @param resumeMaxAge resume ids older than this get {@code reset}
 * @param historyReplays resumes read from the source's history at once; more wait a little, then get 503
 * @param writers threads that write one event to the subscribers at once (see {@link FanOutWriters})
 */
public record FanOutSettings(
        int queueCapacity,
        int userConnections,
        int maxConnections,
        int retryAfterSeconds,
        int ringCapacity,
        Duration resumeOverlap,
        Duration resumeMaxAge,
        int historyReplays,
        int writers) {

    public FanOutSettings {
        positive("listcast.stream.queue.capacity", queueCapacity);
        positive("listcast.stream.user.connections", userConnections);
        positive("listcast.stream.max.connections", maxConnections);
        positive("listcast.stream.retryafter.seconds", retryAfterSeconds);
        positive("listcast.resume.ring.capacity", ringCapacity);
        if (resumeOverlap.isNegative()) {
            throw new IllegalArgumentException("listcast.resume.overlap.millis must not be negative: " + resumeOverlap);
        }
        positive("listcast.resume.maxage.millis", resumeMaxAge.toMillis());
        positive("listcast.resume.replays", historyReplays);
        positive("listcast.stream.writers", writers);
    }

    public static FanOutSettings from(Config listcast) {
        Config stream = listcast.get("stream");
        Config resume = listcast.get("resume");
        return new FanOutSettings(
                stream.get("queue.capacity").asInt().orElse(256),
                stream.get("user.connections").asInt().orElse(3),
                stream.get("max.connections").asInt().orElse(15_000),
                stream.get("retryafter.seconds").asInt().orElse(5),
                resume.get("ring.capacity").asInt().orElse(10_000),
                Duration.ofMillis(resume.get("overlap.millis").asLong().orElse(2_000L)),
                Duration.ofMillis(resume.get("maxage.millis").asLong().orElse(86_400_000L)),
                resume.get("replays").asInt().orElse(4),
                writers(stream.get("writers").asInt().orElse(0)));
    }

    /**
     * 0 means one per core: on a 2-core machine two writers took time-to-all p99 at 10,000 streams from 147-197 ms
     * to 100-122 ms ({@code bench fanout --writers 1,2}).
     */
    private static int writers(int configured) {
        return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
    }

    private static void positive(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be positive: " + value);
        }
    }
}
