package dev.listcast.edge.stream;

import dev.listcast.edge.auth.TokenVerifier;
import dev.listcast.edge.fanout.FanOut;
import dev.listcast.edge.fanout.Replayer;
import dev.listcast.events.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * {@code GET /api/listings/stream} on the stream port: the SSE stream of listings matching the query's filters,
 * resumed from {@code Last-Event-ID} (or {@code lastEventId}). The HTTP port redirects the same path here.
 *
 * <pre>
 * curl -N -H "Authorization: Bearer $JWT" 'http://localhost:8081/api/listings/stream?categories=sneakers&amp;q=jordan'
 * </pre>
 */
public final class StreamServer implements AutoCloseable {
    private final StreamListener listener;
    private final ScheduledExecutorService timers;

    private StreamServer(StreamListener listener, ScheduledExecutorService timers) {
        this.listener = listener;
        this.timers = timers;
    }

    /** Listens on {@code settings}' address; streams are admitted by, and fed from, {@code fanOut}. */
    public static StreamServer start(StreamSettings settings, FanOut fanOut, Replayer replayer, TokenVerifier verifier,
            Taxonomy taxonomy) {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("listcast-stream-timers").factory());
        // Every stream has a timer for its token's expiry, hours away: a cancelled one must leave the queue at once,
        // or every closed stream would stay reachable from it until then.
        timers.setRemoveOnCancelPolicy(true);
        StreamOpener opener = new StreamOpener(fanOut, replayer, verifier, taxonomy, settings, timers);
        try {
            return new StreamServer(new StreamListener(settings, fanOut.settings().queueCapacity(), opener::open,
                    fanOut::unsubscribe, timers), timers);
        } catch (IOException e) {
            timers.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.port();
    }

    /** Stops listening and closes the sockets left (end the fan-out's streams first, so they get their last frame). */
    @Override
    public void close() throws InterruptedException {
        listener.close();
        timers.shutdownNow();
    }
}
