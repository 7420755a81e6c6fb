package dev.listcast.edge.stream;

import dev.listcast.edge.fanout.ListingFilter;
import dev.listcast.edge.fanout.Subscriber;

/**
 * A signed-in user's stream as the fan-out holds it: whose, what it wants, and the socket its frames go to. Equal
 * only to itself (a class, not a record): the fan-out finds a leaving stream among thousands by identity, never by
 * comparing filters.
 */
final class StreamSubscriber implements Subscriber {
    private final String user;
    private final ListingFilter filter;
    private final SseConnection connection;

    StreamSubscriber(String user, ListingFilter filter, SseConnection connection) {
        this.user = user;
        this.filter = filter;
        this.connection = connection;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public ListingFilter filter() {
        return filter;
    }

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
