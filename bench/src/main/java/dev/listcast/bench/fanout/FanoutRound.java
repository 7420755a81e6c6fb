package dev.listcast.bench.fanout;

import dev.listcast.bench.load.ServerUsage;
import dev.listcast.bench.stats.DeliveryStats;
import java.util.Map;

/**
 * One target at one subscriber count. Latencies run from just before the publish call to each subscriber's read.
 *
 * @param failures connections that failed or ended, by reason
 * @param controlEvents non-listing, non-ping events received ({@code replaced}, {@code overflow}, ...)
 */
public record FanoutRound(String target, int subscribers, int connected, double connectSeconds,
        double connectsPerSecond, int events, int eventBytes, long publishFailures, DeliveryStats delivery,
        ServerUsage server, Map<String, Long> failures, Map<String, Long> controlEvents) {

    /** Everything that went wrong: failed connections, lost, repeated and unreadable deliveries, failed publishes. */
    public long errors() {
        return failures.values().stream().mapToLong(Long::longValue).sum() + delivery.losses()
                + delivery.duplicates() + delivery.unreadable() + publishFailures;
    }
}
