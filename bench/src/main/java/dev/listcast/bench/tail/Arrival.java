package dev.listcast.bench.tail;

/**
 * The first copy of one record a {@link TopicTail} received.
 *
 * @param receivedNanos {@link System#nanoTime()} right after the poll that returned it
 * @param timestampMillis the record's timestamp (CreateTime: the producer's clock when it sent the record)
 * @param value the record's bytes, decoded only after the run
 */
public record Arrival(long receivedNanos, long timestampMillis, byte[] value) {
}
