package dev.listcast.processor.kafka;

import dev.listcast.processor.listing.ListingDraft;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops a listing whose event id (item id and binlog position) was already seen within the window: CDC is at
 * least once, so a change captured again after a crash arrives as a second, identical input record. Exactly once
 * in Kafka Streams only covers this processor's own restarts; this covers the producer's.
 */
final class Deduplicator implements FixedKeyProcessor<String, ListingDraft, ListingDraft> {
    private final String storeName;
    private final long windowMillis;
    private FixedKeyProcessorContext<String, ListingDraft> context;
    private WindowStore<String, Long> seen;

    Deduplicator(String storeName, Duration window) {
        this.storeName = storeName;
        this.windowMillis = window.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ListingDraft> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, ListingDraft> record) {
        String eventId = record.value().eventId();
        long at = record.timestamp();
        // Either side of the record's time: a replay normally comes later, but producers' clocks may disagree.
        try (WindowStoreIterator<Long> earlier = seen.fetch(eventId, Math.max(0, at - windowMillis), at + windowMillis)) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(eventId, at, at);
        context.forward(record);
    }
}
