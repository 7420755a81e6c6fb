package dev.listcast.edge.source;

import java.util.Objects;

/**
 * One listing record as the bus delivered it, before decoding.
 *
 * @param partition the ordered log it came from ({@code listings.sneakers-0} on Kafka): every edge delivers one
 *     partition in the same order, which is what lets a resume id prove what a client has seen
 * @param offset its position in that log
 * @param timestamp the log timestamp in epoch millis (log-append time on the listing topics)
 * @param value the {@code ListingEvent} JSON
 */
public record SourcedRecord(String partition, long offset, long timestamp, byte[] value) {
    public SourcedRecord {
        Objects.requireNonNull(partition, "partition == null");
        Objects.requireNonNull(value, "value == null");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }
}
