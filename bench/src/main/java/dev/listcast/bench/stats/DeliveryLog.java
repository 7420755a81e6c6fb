package dev.listcast.bench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every delivery of a run: for each event (by {@code eventId}) the receive time at each subscriber. Written by the
 * client's selector threads (a subscriber belongs to one thread, so its slots are never written concurrently); read
 * by {@link DeliveryAnalysis} once the client stopped.
 */
public final class DeliveryLog {
    private final int subscribers;
    private final ConcurrentHashMap<String, EventDeliveries> events = new ConcurrentHashMap<>();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder unreadable = new LongAdder();

    public DeliveryLog(int subscribers) {
        if (subscribers < 1) {
            throw new IllegalArgumentException("subscribers must be positive: " + subscribers);
        }
        this.subscribers = subscribers;
    }

    /** Records that {@code subscriber} received the listing event JSON {@code data} at {@code nanos}. */
    public void record(int subscriber, String data, long nanos) {
        String eventId = JsonFields.string(data, "eventId");
        if (eventId == null) {
            unreadable.increment();
            return;
        }
        EventDeliveries event = events.computeIfAbsent(eventId,
                id -> new EventDeliveries(id, JsonFields.number(data, "itemId"), data, subscribers));
        if (event.receive(subscriber, nanos)) {
            delivered.increment();
        } else {
            duplicates.increment();
        }
    }

    /** Distinct (event, subscriber) deliveries so far. */
    public long delivered() {
        return delivered.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    /** Frames whose data had no {@code eventId}. */
    public long unreadable() {
        return unreadable.sum();
    }

    public List<EventDeliveries> events() {
        return new ArrayList<>(events.values());
    }
}
