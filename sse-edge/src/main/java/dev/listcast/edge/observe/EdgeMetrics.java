package dev.listcast.edge.observe;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.DistributionStatisticsConfig;
import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The edge's meters, served by {@code /observe/metrics} in Prometheus format: connections, events in, deliveries
 * (one per frame queued for a client), drops (unreadable records), overflow cuts, the fan-out time per event and the
 * browsers' render latency. Counted once per event, never per subscriber, except deliveries (added in one step).
 */
public final class EdgeMetrics implements AutoCloseable {
    private final MeterRegistry registry = Metrics.globalRegistry();
    private final List<Meter> meters = new ArrayList<>();
    private final Counter eventsIn = add(Counter.builder("listcast_edge_events_in")
            .description("listing events read from the source"));
    private final Counter deliveries = add(Counter.builder("listcast_edge_deliveries")
            .description("listing frames queued for clients"));
    private final Counter drops = add(Counter.builder("listcast_edge_drops")
            .description("source records that were not listing events"));
    private final Counter overflowCuts = add(Counter.builder("listcast_edge_overflow_cuts")
            .description("streams cut because the client fell behind"));
    private final Counter replaced = add(Counter.builder("listcast_edge_replaced")
            .description("streams ended because their user opened too many"));
    private final Timer fanOut = add(Timer.builder("listcast_edge_fanout")
            .description("time to queue one event for every matching client")
            .buckets(Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(250_000),
                    Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
                    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100)));
    private final DistributionSummary render = add(DistributionSummary.builder("listcast_edge_render_ms",
                    DistributionStatisticsConfig.builder().buckets(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000))
            .description("browser-reported time from receiving a listing to showing its toast, ms"));

    /** Publishes the number of open streams as reported by {@code connections}. */
    public void connections(IntSupplier connections) {
        add(Gauge.builder("listcast_edge_connections", () -> connections.getAsInt())
                .description("open listing streams"));
    }

    public void eventIn() {
        eventsIn.increment();
    }

    public void delivered(int frames) {
        deliveries.increment(frames);
    }

    public void dropped() {
        drops.increment();
    }

    public void overflowCut() {
        overflowCuts.increment();
    }

    public void replaced() {
        replaced.increment();
    }

    public void fannedOut(long nanos) {
        fanOut.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void rendered(double millis) {
        render.record(millis);
    }

    /** Removes this edge's meters, so a next edge in the same JVM (tests, devstack restarts) registers its own. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
    }

    private <M extends Meter, B extends Meter.Builder<B, M>> M add(B builder) {
        M meter = registry.getOrCreate(builder);
        meters.add(meter);
        return meter;
    }
}
