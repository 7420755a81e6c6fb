package dev.listcast.edge.fanout;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.source.ListingSource;
import dev.listcast.edge.source.SourcedRecord;
import dev.listcast.events.ListingCodecException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Answers "what did the client holding this id miss?" from the ring, and from the source when the ring is short. */
public final class Replayer {
    private static final System.Logger LOG = System.getLogger(Replayer.class.getName());
    /** How long a resume waits for its turn to read history before it is told to come back later. */
    private static final long REPLAY_WAIT_MILLIS = 2_000;

    private final FanOutSettings settings;
    private final ListingSource source;
    /**
     * Each history replay reads the log with a client of its own and holds what it read: when a restarted edge's
     * clients all resume at once, unbounded replays would open thousands of consumers and hold their history together.
     */
    private final Semaphore replays;

    public Replayer(FanOutSettings settings, ListingSource source) {
        this.settings = settings;
        this.source = source;
        this.replays = new Semaphore(settings.historyReplays());
    }

    /**
     * What a client gets before going live.
     *
     * @param resetReason why the client must start over, or null
     * @param missed what it missed, oldest first (all categories: the caller filters)
     */
    public record Resumed(String resetReason, Resumer.Missed missed) {
        private static final Resumer.Missed NOTHING = new Resumer.Missed(List.of(), 0);

        static Resumed startOver(String reason) {
            return new Resumed(reason, NOTHING);
        }

        public boolean reset() {
            return resetReason != null;
        }

        public List<EdgeEvent> events() {
            return missed.events();
        }
    }

    public Resumed resume(String rawId, RingSnapshot ring) {
        return switch (Resumer.plan(rawId, ring, System.currentTimeMillis(), settings)) {
            case Resumer.Fresh fresh -> new Resumed(null, Resumed.NOTHING);
            case Resumer.Reset reset -> Resumed.startOver(reset.reason());
            case Resumer.FromRing fromRing -> new Resumed(null, fromRing.missed());
            case Resumer.FromHistory history -> fromHistory(history, ring);
        };
    }

    /** @throws ApiException 503 when too many resumes read history already (they come back and resume then) */
    private Resumed fromHistory(Resumer.FromHistory plan, RingSnapshot ring) {
        List<SourcedRecord> records;
        awaitTurn();
        try {
            records = source.replay(plan.fromTimestamp(), ring.coveredFrom());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot replay listings from " + plan.fromTimestamp() + ": " + e.getMessage());
            return Resumed.startOver("history unavailable");
        } finally {
            replays.release();
        }
        long now = System.currentTimeMillis();
        List<EdgeEvent> history = new ArrayList<>(records.size());
        for (SourcedRecord record : records) {
            try {
                history.add(EdgeEvents.replayed(record, now));
            } catch (ListingCodecException e) {
                // Already counted and logged when it first went by live.
            }
        }
        List<EdgeEvent> candidates = new ArrayList<>(Resumer.inLogOrder(history));
        int ringStart = candidates.size();
        candidates.addAll(ring.events());
        return new Resumed(null, Resumer.unseen(candidates, ringStart, plan.id(), plan.fromTimestamp()));
    }

    private void awaitTurn() {
        boolean turn;
        try {
            turn = replays.tryAcquire(REPLAY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw ApiException.overloaded("too many clients resume from history at once; resume again later",
                    settings.retryAfterSeconds());
        }
    }
}
