package dev.listcast.edge.fanout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@code capacity} events in arrival order, for resume, polling and first paint. It also tracks what it
 * can vouch for: per partition the first offset it still holds everything from, and the timestamp after which no
 * event has been evicted. Not thread-safe: {@link FanOut} guards it with its lock.
 */
final class RecentRing {
    private final EdgeEvent[] slots;
    private final Map<String, Long> coveredFrom = new HashMap<>();
    private int next;
    private int size;
    /** No event logged from this timestamp on is missing; nothing is vouched for until the source reads. */
    private long completeSince = Long.MAX_VALUE;

    RecentRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring capacity must be positive: " + capacity);
        }
        this.slots = new EdgeEvent[capacity];
    }

    /**
     * The source reads from now on: every event logged from {@code timestamp} (now, plus a margin for the broker's
     * clock) will pass through the ring.
     */
    void completeSince(long timestamp) {
        completeSince = timestamp;
    }

    /** New partitions: from these offsets on, every event of theirs passes through the ring. */
    void assigned(Map<String, Long> positions) {
        positions.forEach(coveredFrom::putIfAbsent);
    }

    void add(EdgeEvent event) {
        EdgeEvent evicted = slots[next];
        if (evicted != null) {
            coveredFrom.merge(evicted.partition(), evicted.offset() + 1, Math::max);
            completeSince = Math.max(completeSince, evicted.timestamp() + 1);
        } else {
            size++;
        }
        slots[next] = event;
        next = (next + 1) % slots.length;
    }

    RingSnapshot snapshot() {
        return new RingSnapshot(oldestFirst(), coveredFrom, completeSince);
    }

    /** Up to {@code limit} newest events matching {@code filter}, newest first. */
    List<EdgeEvent> newest(int limit, ListingFilter filter) {
        List<EdgeEvent> found = new ArrayList<>(Math.min(limit, size));
        for (int i = 1; i <= size && found.size() < limit; i++) {
            EdgeEvent e = slots[(next - i + slots.length) % slots.length];
            if (filter.matches(e)) {
                found.add(e);
            }
        }
        return found;
    }

    Optional<EdgeEvent> newest() {
        return size == 0 ? Optional.empty() : Optional.of(slots[(next - 1 + slots.length) % slots.length]);
    }

    private List<EdgeEvent> oldestFirst() {
        EdgeEvent[] ordered = new EdgeEvent[size];
        int start = (next - size + slots.length) % slots.length;
        for (int i = 0; i < size; i++) {
            ordered[i] = slots[(start + i) % slots.length];
        }
        return Arrays.asList(ordered);
    }
}
