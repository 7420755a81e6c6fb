package dev.listcast.edge.fanout;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.observe.EdgeMetrics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The dispatcher: every event goes into the ring and its one frame onto the queue of every matching subscriber.
 * Offering never blocks, so a stalled client only ever fills its own queue, and is then cut with {@code overflow}.
 * Registration takes the same lock as dispatch, so a resuming client's ring snapshot and its live queue meet
 * exactly, without gap or overlap.
 */
public final class FanOut implements AutoCloseable {
    private static final byte[] OVERFLOW = SseFrames.ending("overflow",
            "client too slow; reconnect and resume with the last event id");
    private static final byte[] REPLACED = SseFrames.ending("replaced",
            "this user opened more streams than allowed; the oldest ends");

    private final FanOutSettings settings;
    private final EdgeMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final RecentRing ring;
    private final FanOutWriters writers;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Map<String, ArrayDeque<Subscriber>> byUser = new HashMap<>();
    /** Set by the source's first look at its partitions: until then nothing is read, so nothing can be vouched for. */
    private boolean reading;

    public FanOut(FanOutSettings settings, EdgeMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.ring = new RecentRing(settings.ringCapacity());
        this.writers = new FanOutWriters(settings.writers());
        metrics.connections(this::connections);
    }

    public FanOutSettings settings() {
        return settings;
    }

    /**
     * The source reads {@code positions} from now on. The first call opens the edge: every event logged from now on
     * passes through the ring, and streams and polls are admitted.
     */
    public void assigned(Map<String, Long> positions) {
        lock.lock();
        try {
            if (!reading) {
                reading = true;
                // The broker stamps log times with its own clock: allow it to run the overlap ahead of ours.
                ring.completeSince(System.currentTimeMillis() + settings.resumeOverlap().toMillis());
            }
            ring.assigned(positions);
        } finally {
            lock.unlock();
        }
    }

    /** Hands {@code event} to every matching subscriber; returns how many took it. */
    public int publish(EdgeEvent event) {
        long start = System.nanoTime();
        int delivered;
        lock.lock();
        try {
            ring.add(event);
            FanOutWriters.Pass pass = writers.pass(subscribers, s -> s.filter().matches(event),
                    s -> s.offer(event.frame()));
            settle(pass);
            delivered = pass.taken();
        } finally {
            lock.unlock();
        }
        metrics.eventIn();
        metrics.delivered(delivered);
        metrics.fannedOut(System.nanoTime() - start);
        return delivered;
    }

    /**
     * Sends {@code frame} (a ping) to every subscriber, regardless of filters, that took no other frame within the
     * last {@code quiet}.
     */
    public void keepAlive(byte[] frame, Duration quiet) {
        long quietNanos = quiet.toNanos();
        lock.lock();
        try {
            settle(writers.pass(subscribers, s -> true, s -> s.keepAlive(frame, quietNanos)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code subscriber}; its user's oldest stream is replaced when over the per-user cap. Returns the ring as it
     * was at that instant when {@code snapshot} is asked for (to resume from), else null.
     *
     * @throws ApiException 503 when the edge holds its maximum of streams, or does not read its source yet
     */
    public RingSnapshot subscribe(Subscriber subscriber, boolean snapshot) {
        lock.lock();
        try {
            requireReading();
            ArrayDeque<Subscriber> mine = byUser.computeIfAbsent(subscriber.user(), u -> new ArrayDeque<>());
            // A user at the cap trades a stream for a stream: a reconnect before the old socket is noticed dead
            // must not be refused by a full edge.
            int replacing = Math.max(0, mine.size() - settings.userConnections() + 1);
            if (subscribers.size() - replacing >= settings.maxConnections()) {
                if (mine.isEmpty()) {
                    byUser.remove(subscriber.user());
                }
                throw overloaded("this edge holds its maximum of " + settings.maxConnections() + " streams");
            }
            while (mine.size() >= settings.userConnections()) {
                Subscriber oldest = mine.pollFirst();
                subscribers.remove(oldest);
                oldest.end(REPLACED);
                metrics.replaced();
            }
            mine.addLast(subscriber);
            subscribers.add(subscriber);
            return snapshot ? ring.snapshot() : null;
        } finally {
            lock.unlock();
        }
    }

    /** Ends every stream without a final event (the edge is stopping; clients reconnect elsewhere and resume). */
    public void endAll() {
        lock.lock();
        try {
            subscribers.forEach(s -> s.end(new byte[0]));
            subscribers.clear();
            byUser.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the writer threads (after {@link #endAll}, once nothing publishes any more). */
    @Override
    public void close() {
        writers.close();
    }

    public void unsubscribe(Subscriber subscriber) {
        lock.lock();
        try {
            subscribers.remove(subscriber);
            forget(subscriber);
        } finally {
            lock.unlock();
        }
    }

    /** @throws ApiException 503 when the edge does not read its source yet */
    public RingSnapshot snapshot() {
        lock.lock();
        try {
            requireReading();
            return ring.snapshot();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first page: up to {@code limit} newest events matching {@code filter} (newest first), and the id to resume
     * from after them, read at one instant so that nothing falls between the two.
     */
    public Recent recent(int limit, ListingFilter filter) {
        lock.lock();
        try {
            Optional<EdgeEvent> newest = ring.newest();
            return new Recent(ring.newest(limit, filter),
                    newest.map(EdgeEvent::resumeId).orElseGet(() -> ResumeId.at(System.currentTimeMillis())));
        } finally {
            lock.unlock();
        }
    }

    /** @param items newest first */
    public record Recent(List<EdgeEvent> items, ResumeId lastId) {
    }

    public int connections() {
        lock.lock();
        try {
            return subscribers.size();
        } finally {
            lock.unlock();
        }
    }

    private void requireReading() {
        if (!reading) {
            throw overloaded("this edge is still connecting to its listing source");
        }
    }

    private ApiException overloaded(String reason) {
        return ApiException.overloaded(reason, settings.retryAfterSeconds());
    }

    /** Cuts the subscribers that fell too far behind and forgets the gone ones (misses come highest index first). */
    private void settle(FanOutWriters.Pass pass) {
        for (FanOutWriters.Miss miss : pass.misses()) {
            switch (miss.offer()) {
                case FULL -> overflow(miss.index());
                case GONE -> forget(subscribers.remove(miss.index()));
                case TAKEN -> throw new IllegalStateException("a taken frame is not a miss");
            }
        }
    }

    private void overflow(int index) {
        Subscriber slow = subscribers.remove(index);
        forget(slow);
        slow.end(OVERFLOW);
        metrics.overflowCut();
    }

    private void forget(Subscriber subscriber) {
        ArrayDeque<Subscriber> mine = byUser.get(subscriber.user());
        if (mine != null) {
            mine.remove(subscriber);
            if (mine.isEmpty()) {
                byUser.remove(subscriber.user());
            }
        }
    }
}
