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
 * One round's subscribers with the server metered around them: connect (RSS before and after), warm up with one
 * event, idle (CPU burn with nothing published), deliver, finish. The warm-up's deliveries count nowhere.
 */
public final class MeteredPool implements AutoCloseable {
    // long enough to average out a shared JVM's periodic work (Streams commits, broker housekeeping, GC)
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration WARM_UP = Duration.ofSeconds(15);

    /** What a finished round leaves: the log, who was connected, and the server's cost (null when unmetered). */
    public record Outcome(DeliveryLog log, boolean[] opened, ServerUsage usage) {
    }

    /** An action that may throw, such as publishing the warm-up event. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final SubscriberPool pool;
    private final ServerMeter meter;
    private long warmUpDeliveries;
    private boolean closed;

    private MeteredPool(SubscriberPool pool, ServerMeter meter) {
        this.pool = pool;
        this.meter = meter;
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
        return new MeteredPool(pool, meter);
    }

    /** Publishes one event and waits until every open subscriber has it (JIT, metadata, connections warm). */
    public void warmUp(Action publishOne) throws Exception {
        publishOne.run();
        pool.awaitDeliveries(pool.openedCount(), WARM_UP, System.nanoTime() + WARM_UP.toNanos());
        warmUpDeliveries = pool.log().delivered();
        Progress.say("  warm-up event reached %d of %d subscribers", warmUpDeliveries, pool.openedCount());
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
