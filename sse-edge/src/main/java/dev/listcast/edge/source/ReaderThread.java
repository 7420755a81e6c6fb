package dev.listcast.edge.source;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A source's one reading thread: started once, asked to stop by a flag its loop checks, then awaited. Both sources
 * read this way; they differ only in what they open first and how a read blocked on the bus is woken.
 */
final class ReaderThread {
    private static final Duration JOIN = Duration.ofSeconds(10);

    private volatile boolean running;
    private Thread thread;

    /**
     * Opens what the loop needs with {@code open} and runs the loop it answers on a daemon thread {@code name}.
     *
     * @throws IllegalStateException when already started (nothing is opened then)
     */
    synchronized void start(String name, Supplier<Runnable> open) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        Runnable loop = open.get();
        running = true;
        thread = Thread.ofPlatform().daemon().name(name).start(loop);
    }

    /** What the loop checks before each read. */
    boolean running() {
        return running;
    }

    /**
     * Clears the flag, wakes a blocked read with {@code wake} and waits a while for the loop to end.
     *
     * @return false when it was never started (and {@code wake} was not run)
     */
    boolean stop(Runnable wake) {
        Thread started;
        synchronized (this) {
            started = thread;
            running = false;
        }
        if (started == null) {
            return false;
        }
        wake.run();
        try {
            started.join(JOIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
