package dev.listcast.edge.fanout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One pass over the subscribers (an event's frame, or a ping) on several threads at once. Offering a frame is
 * mostly the kernel's send path, so on a machine with cores to spare an event reaches everyone sooner when the list
 * is cut into contiguous slices: the calling thread takes the first, writer threads the rest. A pass returns only
 * once every slice is done, so each subscriber still gets its frames one pass after another, in order, and the
 * caller's lock covers the whole pass.
 */
final class FanOutWriters implements AutoCloseable {
    /**
     * The fewest subscribers worth a thread of their own: at ~8 µs per delivery (bench fanout) 512 take ~4 ms to
     * write, against tens of µs to wake a writer, while an event for a few hundred streams is out in ~2 ms anyway.
     */
    static final int MIN_SLICE = 512;

    private final int writers;
    private final ExecutorService pool;

    /** A subscriber that did not take its frame: the fan-out cuts ({@code FULL}) or forgets ({@code GONE}) it. */
    record Miss(int index, Subscriber.Offer offer) {
    }

    /** What a pass did: how many subscribers took the frame, and the misses, highest index first. */
    record Pass(int taken, List<Miss> misses) {
    }

    /** @param writers threads that write at once, the caller's included; 1 writes on the caller's thread only */
    FanOutWriters(int writers) {
        this.writers = writers;
        this.pool = writers == 1 ? null
                : Executors.newFixedThreadPool(writers - 1,
                        Thread.ofPlatform().daemon().name("listcast-fanout-writer-", 1).factory());
    }

    /**
     * Offers to every subscriber that {@code wants} the frame; {@code subscribers} must not change until this
     * returns.
     */
    Pass pass(List<Subscriber> subscribers, Predicate<Subscriber> wants, Function<Subscriber, Subscriber.Offer> offer) {
        int n = subscribers.size();
        int slices = Math.max(1, Math.min(writers, n / MIN_SLICE));
        if (slices == 1) {
            return slice(subscribers, 0, n, wants, offer);
        }
        int size = (n + slices - 1) / slices;
        List<Future<Pass>> others = new ArrayList<>(slices - 1);
        for (int k = 1; k < slices; k++) {
            int from = k * size;
            int to = Math.min(n, from + size);
            others.add(pool.submit(() -> slice(subscribers, from, to, wants, offer)));
        }
        int taken = 0;
        List<Miss> misses = new ArrayList<>();
        Throwable failure = null;
        try {
            Pass first = slice(subscribers, 0, size, wants, offer);
            taken += first.taken();
            misses.addAll(first.misses());
        } catch (RuntimeException e) {
            failure = e;
        }
        // Every slice is waited for, even after one failed: no writer may still walk the list once this returns.
        for (Future<Pass> other : others) {
            try {
                Pass pass = join(other);
                taken += pass.taken();
                misses.addAll(pass.misses());
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
        }
        if (failure != null) {
            throw new IllegalStateException("a fan-out writer failed", failure);
        }
        misses.sort(Comparator.comparingInt(Miss::index).reversed());
        return new Pass(taken, misses);
    }

    private static Pass slice(List<Subscriber> subscribers, int from, int to, Predicate<Subscriber> wants,
            Function<Subscriber, Subscriber.Offer> offer) {
        int taken = 0;
        List<Miss> misses = new ArrayList<>();
        for (int i = to - 1; i >= from; i--) {
            Subscriber s = subscribers.get(i);
            if (wants.test(s)) {
                Subscriber.Offer result = offer.apply(s);
                if (result == Subscriber.Offer.TAKEN) {
                    taken++;
                } else {
                    misses.add(new Miss(i, result));
                }
            }
        }
        return new Pass(taken, misses);
    }

    /** Waits uninterruptibly: the caller's lock must not be let go while a writer still walks the list. */
    private static Pass join(Future<Pass> slice) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return slice.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
