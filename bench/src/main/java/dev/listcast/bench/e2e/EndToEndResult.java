package dev.listcast.bench.e2e;

import dev.listcast.bench.load.ServerUsage;
import dev.listcast.bench.stats.DeliveryStats;
import dev.listcast.bench.stats.LatencySummary;
import java.util.Map;

/** One end-to-end run: commit in MariaDB to SSE frame read by each subscriber, with the stages in between. */
public record EndToEndResult(int subscribers, int connected, double connectSeconds, double connectsPerSecond,
        int listings, double ratePerSecond, DeliveryStats delivery, Map<String, LatencySummary> stages,
        ServerUsage server, Map<String, Long> failures, Map<String, Long> controlEvents) {
}
