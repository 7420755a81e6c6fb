package dev.listcast.events;

import java.util.concurrent.CompletableFuture;

/**
 * Where a stage puts records: Kafka by default, Redis Streams optionally. The future completes once the bus has
 * durably acknowledged the record; a stage advances its own input position only after that.
 */
public interface BusPublisher extends AutoCloseable {

    CompletableFuture<Void> publish(BusRecord record);

    /** Makes sure {@code topic} exists (created on purpose at start-up; never auto-created by accident). */
    void ensureTopic(String topic, int partitions, boolean compacted);

    @Override
    void close();
}
