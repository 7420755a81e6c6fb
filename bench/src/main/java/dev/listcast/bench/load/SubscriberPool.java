package dev.listcast.bench.load;

import dev.listcast.bench.Progress;
import dev.listcast.bench.sse.SseClient;
import dev.listcast.bench.sse.SseFrame;
import dev.listcast.bench.sse.SseListener;
import dev.listcast.bench.stats.DeliveryLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * N event-stream subscribers held by one {@link SseClient}: counts who connected, logs every listing delivery,
 * and tallies failures and control events ({@code replaced}, {@code overflow}, ...) by reason.
 */
public final class SubscriberPool implements SseListener, AutoCloseable {
    /** Frames that carry a listing; everything else but {@code ping} is a control event worth counting. */
    private static final Set<String> LISTING_EVENTS = Set.of("listing", "price-drop", "message");

    private final boolean[] opened;
    private final DeliveryLog log;
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> controlEvents = new ConcurrentHashMap<>();
    private final SseClient client;
    private double connectSeconds;

    private SubscriberPool(InetSocketAddress server, IntFunction<byte[]> requests, int size, int threads)
            throws IOException {
        this.opened = new boolean[size];
        this.log = new DeliveryLog(size);
        this.client = new SseClient(server, requests, this, threads);
    }

    /**
     * Opens {@code size} streams and waits until each opened or failed, at most {@code maxWait}; prints progress.
     */
    public static SubscriberPool connect(InetSocketAddress server, IntFunction<byte[]> requests, int size,
            int threads, int maxPending, Duration maxWait) throws IOException, InterruptedException {
        SubscriberPool pool = new SubscriberPool(server, requests, size, threads);
        long start = System.nanoTime();
        long deadline = start + maxWait.toNanos();
        Thread opener = Thread.ofPlatform().daemon().name("sse-opener").start(() -> {
            try {
                pool.client.open(size, maxPending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long lastReport = start;
        while (pool.client.opened() + pool.client.failed() < size && System.nanoTime() < deadline) {
            Thread.sleep(50);
            if (System.nanoTime() - lastReport > 2_000_000_000L) {
                lastReport = System.nanoTime();
                Progress.say("  connecting: %d open, %d failed of %d", pool.client.opened(), pool.client.failed(),
                        size);
            }
        }
        pool.connectSeconds = (System.nanoTime() - start) / 1e9;
        opener.interrupt();
        Progress.say("  connected %d of %d in %.1f s (%.0f/s), %d failed", pool.client.opened(), size,
                pool.connectSeconds, pool.client.opened() / pool.connectSeconds, pool.client.failed());
        return pool;
    }

    /**
     * Waits until {@code expected} deliveries arrived, nothing arrived for {@code quiet}, or {@code deadline}
     * ({@link System#nanoTime()}) passed; prints progress.
     */
    public void awaitDeliveries(long expected, Duration quiet, long deadline) throws InterruptedException {
        long lastCount = -1;
        long lastChange = System.nanoTime();
        long lastReport = lastChange;
        while (log.delivered() < expected && System.nanoTime() < deadline
                && System.nanoTime() - lastChange < quiet.toNanos()) {
            Thread.sleep(20);
            long count = log.delivered();
            if (count != lastCount) {
                lastCount = count;
                lastChange = System.nanoTime();
            }
            if (System.nanoTime() - lastReport > 2_000_000_000L) {
                lastReport = System.nanoTime();
                Progress.say("  delivered %d of %d", count, expected);
            }
        }
    }

    @Override
    public void opened(int connection, long nanos) {
        opened[connection] = true;
    }

    @Override
    public void frame(int connection, SseFrame frame, long nanos) {
        if (LISTING_EVENTS.contains(frame.event())) {
            log.record(connection, frame.data(), nanos);
        } else if (!"ping".equals(frame.event())) {
            controlEvents.computeIfAbsent(frame.event(), e -> new LongAdder()).increment();
        }
    }

    @Override
    public void failed(int connection, String reason) {
        String key = reason.length() > 80 ? reason.substring(0, 80) : reason;
        failures.computeIfAbsent(key, r -> new LongAdder()).increment();
    }

    public DeliveryLog log() {
        return log;
    }

    public int openedCount() {
        return client.opened();
    }

    /** Which subscribers connected; read after {@link #close()}. */
    public boolean[] openedSubscribers() {
        return opened.clone();
    }

    public double connectSeconds() {
        return connectSeconds;
    }

    public Map<String, Long> failures() {
        return sorted(failures);
    }

    public Map<String, Long> controlEvents() {
        return sorted(controlEvents);
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Stops the selector threads; the log and the opened flags are complete afterwards. */
    @Override
    public void close() throws InterruptedException {
        client.close();
    }
}
