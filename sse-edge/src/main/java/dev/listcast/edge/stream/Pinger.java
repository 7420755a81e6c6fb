package dev.listcast.edge.stream;

import dev.listcast.edge.fanout.FanOut;
import dev.listcast.edge.fanout.SseFrames;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends one {@code ping} frame through the fan-out every interval to every stream that took nothing else for half an
 * interval, so no stream is silent for more than 1.5 intervals: encoded once for all streams, and queued like any
 * event, so a client that cannot even take pings is cut as too slow. Streams that get listings skip their pings:
 * at 10,000 streams a ping costs as much CPU as a listing.
 */
public final class Pinger implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Pinger.class.getName());

    private final ScheduledExecutorService timer;

    private Pinger(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static Pinger start(FanOut fanOut, Duration interval) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("listcast-edge-ping").factory());
        Duration quiet = interval.dividedBy(2);
        // A task that throws is never run again: one failed round must not end every later ping.
        timer.scheduleAtFixedRate(() -> {
            try {
                fanOut.keepAlive(SseFrames.ping(System.currentTimeMillis()), quiet);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ping round failed", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new Pinger(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
