package dev.listcast.bench.polling;

import dev.listcast.bench.stats.DeliveryStats;

/** SSE and polling measured over the same inserts, side by side. */
public record PollingResult(int clients, long intervalMillis, int listings, double ratePerSecond,
        DeliveryStats sse, DeliveryStats polling, long pollRequests, long pollErrors) {
}
