package dev.listcast.edge.stream;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.fanout.Subscriber;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.Future;

/**
 * One client socket of the stream listener, from its request head to its close. Whoever has a frame writes it
 * straight to the non-blocking socket: the dispatcher for listings and pings, the opener for the first frames. What
 * the socket does not take waits in the bounded queue until the selector sees the socket writable again. No thread
 * waits per client, so an idle stream costs a socket and a few small objects, and a stalled one only its own queue.
 *
 * <p>Frames are never cut: a final frame ({@code overflow}, {@code replaced}, ...) goes out after the frame being
 * written, and the queue behind it is dropped (the client resumes by id).
 */
final class SseConnection {
    private static final int HEAD_START = 512;

    private enum State { HEAD, OPENING, LIVE, CLOSED }

    private final SocketChannel channel;
    private final StreamListener listener;
    private final FrameQueue queue;
    private SelectionKey key;
    private State state = State.HEAD;
    /** The request head read so far; dropped once parsed. Only the selector thread touches it. */
    private byte[] head = new byte[HEAD_START];
    private int headLength;
    /** The frame the socket took part of; null when it took everything. */
    private ByteBuffer current;
    /** Set once the stream must end: only the final frame is still queued. */
    private boolean ending;
    /** When the stream last took a frame ({@link System#nanoTime}). */
    private long lastFrameNanos = System.nanoTime();
    private volatile Subscriber subscriber;
    /** The token's expiry, then the deadline for a final frame to get through. */
    private Future<?> timer;

    SseConnection(SocketChannel channel, StreamListener listener, int queueCapacity) {
        this.channel = channel;
        this.listener = listener;
        this.queue = new FrameQueue(queueCapacity);
    }

    void registered(SelectionKey key) {
        this.key = key;
    }

    /**
     * Selector thread: reads what arrived. Returns the request head once it is complete; before, and after (a client
     * sends nothing more on a stream), null. End of input closes.
     */
    RequestHead readable(ByteBuffer scratch) {
        try {
            if (state != State.HEAD) {
                scratch.clear();
                if (channel.read(scratch) < 0) {
                    close();
                }
                return null;
            }
            int n = channel.read(ByteBuffer.wrap(head, headLength, head.length - headLength));
            if (n < 0) {
                close();
                return null;
            }
            headLength += n;
            int length = RequestHead.length(head, headLength);
            if (length < 0) {
                if (headLength == head.length) {
                    if (head.length >= RequestHead.MAX_BYTES) {
                        state = State.OPENING;
                        answer(StreamAnswers.error(ApiException.headTooLarge(
                                "request head over " + RequestHead.MAX_BYTES + " bytes"), ""));
                        return null;
                    }
                    head = Arrays.copyOf(head, head.length * 2);
                }
                return null;
            }
            byte[] complete = head;
            head = null;
            state = State.OPENING;
            try {
                return RequestHead.parse(complete, length);
            } catch (ApiException e) {
                answer(StreamAnswers.error(e, ""));
                return null;
            } catch (RuntimeException e) {
                // A head the parser did not foresee: a stranger's bytes must never leave a socket unanswered.
                answer(StreamAnswers.error(ApiException.badRequest("malformed request head"), ""));
                return null;
            }
        } catch (IOException e) {
            close();
            return null;
        }
    }

    /** True while the request head is still being read (the listener times such clients out). */
    boolean readingHead() {
        return state == State.HEAD;
    }

    /** Selector thread: the socket takes more again. */
    void writable() {
        boolean keep;
        synchronized (this) {
            keep = state != State.CLOSED && flush();
        }
        if (!keep) {
            close();
        }
    }

    /** Called by the fan-out (holding its lock) for a ping; skipped when another frame went out lately. */
    synchronized Subscriber.Offer keepAlive(byte[] frame, long quietNanos) {
        if (state != State.CLOSED && System.nanoTime() - lastFrameNanos < quietNanos) {
            return Subscriber.Offer.TAKEN;
        }
        return offer(frame);
    }

    /** Called by the fan-out (holding its lock) for every frame meant for this stream. */
    synchronized Subscriber.Offer offer(byte[] frame) {
        if (state == State.CLOSED) {
            return Subscriber.Offer.GONE;
        }
        if (ending) {
            return Subscriber.Offer.TAKEN;
        }
        lastFrameNanos = System.nanoTime();
        if (state != State.LIVE || current != null || !queue.isEmpty()) {
            return queue.offer(frame) ? Subscriber.Offer.TAKEN : Subscriber.Offer.FULL;
        }
        current = ByteBuffer.wrap(frame);
        if (flush()) {
            return Subscriber.Offer.TAKEN;
        }
        shut();
        return Subscriber.Offer.GONE;
    }

    /**
     * Sends {@code finalFrame} after the frame being written, then closes; the first ending wins. The caller has
     * taken this stream out of the fan-out already.
     */
    synchronized void end(byte[] finalFrame) {
        if (state == State.CLOSED || ending) {
            return;
        }
        ending = true;
        queue.clear();
        queue.offer(finalFrame);
        if (state == State.LIVE) {
            finish();
        }
    }

    /**
     * The opener's part: {@code subscriber} is registered with the fan-out; its stream starts with {@code first}
     * (head, retry, resumed events), then what was queued meanwhile. False when the connection is closed by now
     * (the client left, or its socket broke): the caller takes the stream out of the fan-out again.
     */
    synchronized boolean open(Subscriber subscriber, byte[] first) {
        this.subscriber = subscriber;
        if (state == State.CLOSED) {
            return false;
        }
        state = State.LIVE;
        current = ByteBuffer.wrap(first);
        if (ending) {
            finish();
        } else if (!flush()) {
            shut();
        }
        return state != State.CLOSED;
    }

    /** The opener's part when there is no stream: writes {@code response}, then closes. */
    synchronized void answer(byte[] response) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.LIVE;
        ending = true;
        queue.clear();
        current = ByteBuffer.wrap(response);
        finish();
    }

    /** The stream this connection carries once open, else null. */
    Subscriber subscriber() {
        return subscriber;
    }

    /** Replaces the pending timer (the token's expiry); cancels {@code next} if already closed. */
    synchronized void timer(Future<?> next) {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = next;
        if (state == State.CLOSED) {
            next.cancel(false);
        }
    }

    /** Closes the socket and leaves the fan-out; from any thread but the dispatcher, any number of times. */
    void close() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            shut();
        }
        listener.closed(this);
    }

    /**
     * Writes what is left of an ending stream, then closes; a client that takes nothing more is closed after the
     * listener's grace.
     */
    private void finish() {
        if (flush()) {
            timer(listener.closeLater(this));
        } else {
            shut();
        }
    }

    /**
     * Writes until everything pending is written or the socket refuses more (then the selector is asked to say when
     * it is writable). False when the connection is done: its final frame written, or its socket broken.
     */
    private boolean flush() {
        try {
            while (true) {
                if (current == null) {
                    byte[] next = queue.poll();
                    if (next == null) {
                        listener.interest(key, SelectionKey.OP_READ);
                        return !ending;
                    }
                    current = ByteBuffer.wrap(next);
                }
                channel.write(current);
                if (current.hasRemaining()) {
                    listener.interest(key, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return true;
                }
                current = null;
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Closes the socket, holding the lock. Never leaves the fan-out: the fan-out's lock comes before ours, and every
     * caller here is either the fan-out (which forgets a {@code GONE} or ended stream itself) or {@link #close}.
     */
    private void shut() {
        state = State.CLOSED;
        current = null;
        queue.clear();
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
