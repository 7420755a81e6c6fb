package dev.listcast.edge.fanout;

/**
 * One open stream as the fan-out sees it: whose it is, what it wants, and where its frames go. Offering never
 * blocks, so a stalled client only ever fills its own queue, and is then cut with {@code overflow}.
 */
public interface Subscriber {
    /** What became of an offered frame. */
    enum Offer {
        /** Written, or queued behind what the client has not taken yet. */
        TAKEN,
        /** The client is too far behind: the fan-out ends it with {@code overflow}. */
        FULL,
        /** The client is gone: the fan-out forgets it. */
        GONE
    }

    String user();

    ListingFilter filter();

    /** Takes {@code frame} without blocking. */
    Offer offer(byte[] frame);

    /**
     * Takes a keep-alive {@code frame} without blocking, unless the stream took another frame within the last
     * {@code quietNanos}: a stream that gets listings needs no pings to show that it is alive.
     */
    Offer keepAlive(byte[] frame, long quietNanos);

    /** Sends {@code finalFrame} after the frame being written (queued ones are dropped), then ends the stream; the
     * first ending wins. */
    void end(byte[] finalFrame);
}
