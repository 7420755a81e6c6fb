package dev.listcast.edge.source;

import java.util.List;
import java.util.Map;

/**
 * Where the edge's listing events come from: Kafka ({@link KafkaListingSource}) or Redis Streams
 * ({@link RedisListingSource}), as {@code listcast.bus} says. A source reads every listing partition from "now" on
 * and can replay a bounded piece of its history.
 */
public interface ListingSource extends AutoCloseable {
    /** Starts reading in the background; records and assignments go to {@code listener}. */
    void start(SourceListener listener);

    /** True once the source is assigned its partitions and reading: the edge's readiness. */
    boolean isReady();

    /**
     * Records with a timestamp at or after {@code fromTimestamp}, up to (excluding) {@code until} per partition: the
     * part of the history the edge's own memory no longer holds. Partitions not in {@code until} are skipped.
     *
     * @throws RuntimeException when the history cannot be read within the source's replay timeout
     */
    List<SourcedRecord> replay(long fromTimestamp, Map<String, Long> until);

    @Override
    void close();
}
