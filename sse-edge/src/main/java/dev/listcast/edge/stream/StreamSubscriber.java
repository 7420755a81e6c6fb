package dev.listcast.edge.stream;

import dev.listcast.edge.fanout.ListingFilter;
import dev.listcast.edge.fanout.Subscriber;

/** A signed-in user's stream as the fan-out holds it: whose, what it wants, and the socket its frames go to. */
record StreamSubscriber(String user, ListingFilter filter, SseConnection connection) implements Subscriber {
    @Override
    public Offer offer(byte[] frame) {
        return connection.offer(frame);
    }

    @Override
    public Offer keepAlive(byte[] frame, long quietNanos) {
        return connection.keepAlive(frame, quietNanos);
    }

    @Override
    public void end(byte[] finalFrame) {
        connection.end(finalFrame);
    }
}
