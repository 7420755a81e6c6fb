package dev.listcast.edge.fanout;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One open stream: its filter and a bounded queue of shared frames that the connection's own writer drains. The
 * dispatcher only ever offers (never blocks); when the queue is full, or the stream is replaced, the dispatcher sets
 * the final frame and the writer sends it and ends.
 */
public final class Subscriber {
    /** Wakes a waiting writer; never written. */
    private static final byte[] WAKE = new byte[0];

    private final String user;
    private final ListingFilter filter;
    private final FrameQueue queue;
    private final AtomicReference<byte[]> ending = new AtomicReference<>();

    public Subscriber(String user, ListingFilter filter, int capacity) {
        this.user = user;
        this.filter = filter;
        this.queue = new FrameQueue(capacity);
    }

    public String user() {
        return user;
    }

    public ListingFilter filter() {
        return filter;
    }

    /** False when the queue is full: the client is too slow. */
    boolean offer(byte[] frame) {
        return queue.offer(frame);
    }

    /** Ends the stream with {@code finalFrame}; the first ending wins. */
    void end(byte[] finalFrame) {
        if (ending.compareAndSet(null, finalFrame)) {
            queue.offer(WAKE);
        }
    }

    /** The final frame once the stream must end, else null. */
    public byte[] ending() {
        return ending.get();
    }

    /** The next frame, waiting as long as it takes; an empty array when woken. */
    public byte[] next() throws InterruptedException {
        return queue.take();
    }

    /** The next frame, waiting up to {@code timeoutMillis}; null on timeout; an empty array when woken. */
    public byte[] next(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis);
    }

    /** The next frame if one is queued, else null. */
    public byte[] nextNow() {
        return queue.poll();
    }
}
