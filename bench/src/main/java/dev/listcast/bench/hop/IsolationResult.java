package dev.listcast.bench.hop;

import dev.listcast.bench.tail.TailStats;

/**
 * What one consumer of the listing topic saw, at one isolation level.
 *
 * @param fromSend send call started → record polled (includes the producer's own round trip to the broker)
 * @param fromAck acknowledgement callback → record polled (the stream processor and the consumer only)
 * @param processedToReceived the event's {@code processedAt} → record polled, wall clocks (for read_committed
 *     mostly the wait for the processor's transaction commit)
 */
public record IsolationResult(String isolation, TailStats fromSend, TailStats fromAck, TailStats processedToReceived,
        long unreadable) {
}
