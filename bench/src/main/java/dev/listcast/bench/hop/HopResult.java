package dev.listcast.bench.hop;

import dev.listcast.bench.tail.TailStats;

/**
 * One hop run: synthetic item changes sent into the stream processor, its listing events read back by a
 * read_committed and a read_uncommitted consumer side by side.
 *
 * @param sendToProcessed send call started → the event's {@code processedAt}, wall clocks
 */
public record HopResult(int sent, double requestedRate, double achievedRate, long sendFailures, String topic,
        TailStats sendToProcessed, IsolationResult readCommitted, IsolationResult readUncommitted) {
}
