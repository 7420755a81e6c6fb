package dev.listcast.bench.cdc;

import dev.listcast.bench.tail.TailStats;

/**
 * One cdc run: single-row autocommit inserts, each seen as an {@code ItemChange} on the change topic.
 *
 * @param requestedRate inserts per second asked for, 0 for back to back
 * @param achievedRate inserts per second measured over the insert phase
 * @param capturedRate records per second reaching the topic, first to last arrival
 * @param commitToReceived commit returned → record polled by a read_uncommitted consumer (bench clock)
 * @param commitToCreateTime commit returned → the record's CreateTime (cdc-ingest's producer clock; ms precision)
 * @param commitToCaptured commit returned → {@code capturedAt} (when cdc-ingest read the change; ms precision)
 * @param unreadable records on the topic whose key was not an item id
 */
public record CdcResult(int inserted, double requestedRate, double achievedRate, double capturedRate,
        TailStats commitToReceived, TailStats commitToCreateTime, TailStats commitToCaptured, long unreadable) {
}
