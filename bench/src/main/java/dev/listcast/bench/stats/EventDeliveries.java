package dev.listcast.bench.stats;

/**
 * One event's receive times, one slot per subscriber ({@code 0} = not received).
 *
 * @param firstData the JSON of the first copy received: its stage timestamps are the same in every copy
 */
public record EventDeliveries(String eventId, long itemId, String firstData, long[] receivedNanos) {

    EventDeliveries(String eventId, long itemId, String firstData, int subscribers) {
        this(eventId, itemId, firstData, new long[subscribers]);
    }

    /** Returns false for a repeat at this subscriber. */
    boolean receive(int subscriber, long nanos) {
        if (receivedNanos[subscriber] != 0) {
            return false;
        }
        // nanoTime may be 0 or negative: store a value that is never 0
        receivedNanos[subscriber] = nanos == 0 ? 1 : nanos;
        return true;
    }
}
