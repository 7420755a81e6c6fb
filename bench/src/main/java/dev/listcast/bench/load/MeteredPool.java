package dev.listcast.bench.load;

import dev.listcast.bench.Progress;
import dev.listcast.bench.proc.ProcessUsage;
import dev.listcast.bench.stats.DeliveryLog;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One round's subscribers with the server metered around them: connect (RSS before and after), warm up with a few
 * events, idle (CPU burn with nothing published), deliver, finish. The warm-ups' deliveries count nowhere.
 */
public final class MeteredPool implements AutoCloseable {
    // long enough to average out a shared JVM's periodic work (Streams commits, broker housekeeping, GC)
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration WARM_UP = Duration.ofSeconds(15);

    /** What a finished round leaves: the log, who was connected, and the server's cost (null when unmetered). */
    public record Outcome(DeliveryLog log, boolean[] opened, ServerUsage usage) {
    }

    /** Publishes warm-up event {@code n} (0, 1, ...). */
    @FunctionalInterface
    public interface WarmUp {
        void publish(int n) throws Exception;
    }

    private final SubscriberPool pool;
    private final ServerMeter meter;
    private final int warmUps;
    private long warmUpDeliveries;
    private boolean closed;

    private MeteredPool(SubscriberPool pool, ServerMeter meter, int warmUps) {
        this.pool = pool;
        this.meter = meter;
        this.warmUps = warmUps;
    }

    /** Opens {@code size} streams, metering {@code pids} unless the list is empty. */
    public static MeteredPool connect(String process, List<Long> pids, InetSocketAddress server,
            IntFunction<byte[]> requests, int size, LoadSettings load) throws Exception {
        ServerMeter meter = pids.isEmpty() ? null : new ServerMeter(process, ProcessUsage.of(pids));
        if (meter != null) {
            meter.beforeConnecting();
        }
        SubscriberPool pool = SubscriberPool.connect(server, requests, size, load.threads(), load.maxPending(),
                load.maxTime());
        return new MeteredPool(pool, meter, load.warmUps());
    }

    /** Publishes the warm-up events one by one, each awaited at every open subscriber, then meters idling. */
    public void warmUp(WarmUp publish) throws Exception {
        for (int n = 0; n < warmUps; n++) {
            publish.publish(n);
            pool.awaitDeliveries((long) pool.openedCount() * (n + 1), WARM_UP, System.nanoTime() + WARM_UP.toNanos());
        }
        warmUpDeliveries = pool.log().delivered();
        Progress.say("  %d warm-up events: %d deliveries to %d subscribers", warmUps, warmUpDeliveries,
                pool.openedCount());
        if (meter != null) {
            meter.connectedThenIdle(IDLE);
        }
    }

    public long deliveredAfterWarmUp() {
        return pool.log().delivered() - warmUpDeliveries;
    }

    /** Waits for {@code expected} deliveries (bounded by {@code deadline} and 5 s of silence), then closes. */
    public Outcome finish(long expected, long deadline) throws InterruptedException {
        pool.awaitDeliveries(expected + warmUpDeliveries, QUIET, deadline);
        long delivered = deliveredAfterWarmUp();
        ServerUsage usage = meter == null ? null : meter.afterDelivering(pool.openedCount(), delivered);
        close();
        return new Outcome(pool.log(), pool.openedSubscribers(), usage);
    }

    public int opened() {
        return pool.openedCount();
    }

    public double connectSeconds() {
        return pool.connectSeconds();
    }

    public Map<String, Long> failures() {
        return pool.failures();
    }

    public Map<String, Long> controlEvents() {
        return pool.controlEvents();
    }

    @Override
    public void close() throws InterruptedException {
        if (!closed) {
            closed = true;
            pool.close();
        }
    }
}
