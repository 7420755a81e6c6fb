package dev.listcast.edge.fanout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Decides what a reconnecting client missed. Pure: the ring snapshot and, when the ring is not enough, the replayed
 * history come in as lists.
 *
 * <p>What a resume id proves was seen: its own event, and everything before it in that event's partition (every edge
 * delivers a partition in order). Other partitions interleave differently on each edge, so their events from
 * {@code timestamp - overlap} on are sent again; the client drops those repeats by event id.
 */
public final class Resumer {
    private static final long MAX_FUTURE_MILLIS = 60_000;

    private Resumer() {
    }

    /** What to do for a stream or poll that brings {@code rawId}. */
    public sealed interface Plan {
    }

    /** No id: live from now. */
    public record Fresh() implements Plan {
    }

    /** Garbage or too old: tell the client to start over. */
    public record Reset(String reason) implements Plan {
    }

    /** The ring holds everything the client may have missed. */
    public record FromRing(Missed missed) implements Plan {
    }

    /**
     * What a client missed, oldest first. The first {@code repeats} come before the client's own event here: other
     * partitions' overlap, which it may well have seen (the client drops repeats by event id).
     */
    public record Missed(List<EdgeEvent> events, int repeats) {
        public Missed {
            events = List.copyOf(events);
            if (repeats < 0 || repeats > events.size()) {
                throw new IllegalArgumentException("repeats out of 0.." + events.size() + ": " + repeats);
            }
        }
    }

    /** The ring starts too late: replay the source from {@code fromTimestamp}, then call {@link #unseen}. */
    public record FromHistory(ResumeId id, long fromTimestamp) implements Plan {
    }

    public static Plan plan(String rawId, RingSnapshot ring, long now, FanOutSettings settings) {
        if (rawId == null || rawId.isBlank()) {
            return new Fresh();
        }
        Optional<ResumeId> parsed = ResumeId.parse(rawId);
        if (parsed.isEmpty()) {
            return new Reset("unreadable resume id");
        }
        ResumeId id = parsed.get();
        if (id.timestamp() < now - settings.resumeMaxAge().toMillis()) {
            return new Reset("resume id older than " + settings.resumeMaxAge().toMinutes() + " minutes");
        }
        if (id.timestamp() > now + MAX_FUTURE_MILLIS) {
            return new Reset("resume id from the future");
        }
        long from = id.timestamp() - settings.resumeOverlap().toMillis();
        if (from >= ring.completeSince()) {
            return new FromRing(unseen(ring.events(), 0, id, from));
        }
        return new FromHistory(id, from);
    }

    /**
     * The events of {@code candidates} (replayed history, then the ring from index {@code ringStart}) that the
     * client holding {@code id} has not provably seen, each event id once.
     */
    public static Missed unseen(List<EdgeEvent> candidates, int ringStart, ResumeId id, long fromTimestamp) {
        int anchor = anchor(candidates, id);
        EdgeEvent pinned = anchor < 0 ? null : candidates.get(anchor);
        Set<String> sent = new HashSet<>();
        List<EdgeEvent> missed = new ArrayList<>();
        int repeats = 0;
        for (int i = 0; i < candidates.size(); i++) {
            EdgeEvent e = candidates.get(i);
            boolean unseen;
            if (e.eventId().equals(id.eventId())) {
                unseen = false;
            } else if (pinned != null && e.partition().equals(pinned.partition())) {
                unseen = e.offset() > pinned.offset();
            } else {
                // After the pinned event in this edge's own arrival order: arrived later, cannot have been seen.
                unseen = (anchor >= ringStart && i > anchor) || e.timestamp() >= fromTimestamp;
            }
            if (unseen && sent.add(e.eventId())) {
                missed.add(e);
                repeats += i < anchor ? 1 : 0;
            }
        }
        return new Missed(missed, repeats);
    }

    /**
     * Where {@code id}'s event is among {@code candidates}, or -1. An event id can be there twice: read uncommitted,
     * a record of an aborted transaction is followed by its re-produced copy. The id's log timestamp tells which copy
     * the client got; pinning the later copy instead would count everything between the two as seen.
     */
    private static int anchor(List<EdgeEvent> candidates, ResumeId id) {
        int anchor = -1;
        if (id.hasEvent()) {
            for (int i = 0; i < candidates.size(); i++) {
                EdgeEvent e = candidates.get(i);
                if (e.eventId().equals(id.eventId())) {
                    if (e.timestamp() == id.timestamp()) {
                        return i;
                    }
                    anchor = i;
                }
            }
        }
        return anchor;
    }

    /**
     * Replayed history in log-time order, each partition still in offset order: a merge, not a sort, because only
     * the order within a partition is guaranteed. Kafka hands replayed records over partition by partition; sent
     * that way, a client cut off (or a poll page ending) after a late event of one partition holds an id whose
     * timestamp vouches for earlier events of other partitions it never got.
     */
    public static List<EdgeEvent> inLogOrder(List<EdgeEvent> history) {
        Map<String, ArrayDeque<EdgeEvent>> byPartition = new LinkedHashMap<>();
        history.forEach(e -> byPartition.computeIfAbsent(e.partition(), p -> new ArrayDeque<>()).add(e));
        PriorityQueue<ArrayDeque<EdgeEvent>> heads = new PriorityQueue<>(
                Comparator.comparingLong((ArrayDeque<EdgeEvent> q) -> q.peekFirst().timestamp()));
        heads.addAll(byPartition.values());
        List<EdgeEvent> merged = new ArrayList<>(history.size());
        while (!heads.isEmpty()) {
            ArrayDeque<EdgeEvent> head = heads.poll();
            merged.add(head.pollFirst());
            if (!head.isEmpty()) {
                heads.add(head);
            }
        }
        return merged;
    }
}
