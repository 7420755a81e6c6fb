package dev.listcast.edge.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.edge.fanout.Subscriber.Offer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Slicing one pass among writer threads: everyone wanted is offered once, misses come back in removal order. */
class FanOutWritersTest {

    /** Offers land here: by subscriber, how often, and on which threads. */
    private static final class Offers {
        final Map<Subscriber, AtomicInteger> counts = new ConcurrentHashMap<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        Offer offer(Subscriber s, Offer answer) {
            counts.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
            threads.add(Thread.currentThread().getName());
            return answer;
        }
    }

    private static List<Subscriber> subscribers(int n) {
        List<Subscriber> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Named("user-" + i));
        }
        return list;
    }

    private record Named(String user) implements Subscriber {
        @Override
        public ListingFilter filter() {
            return new ListingFilter(null, null, null, null);
        }

        @Override
        public Offer offer(byte[] frame) {
            throw new UnsupportedOperationException("the tests offer through the pass's function");
        }

        @Override
        public Offer keepAlive(byte[] frame, long quietNanos) {
            throw new UnsupportedOperationException("the tests offer through the pass's function");
        }

        @Override
        public void end(byte[] finalFrame) {
        }
    }

    private static int index(Subscriber s) {
        return Integer.parseInt(s.user().substring("user-".length()));
    }

    @Test
    void shouldOfferEveryWantedSubscriberOnceAcrossSlicesAndListMissesHighestFirst() {
        int n = 3 * FanOutWriters.MIN_SLICE + 17;
        List<Subscriber> list = subscribers(n);
        Offers offers = new Offers();
        try (FanOutWriters writers = new FanOutWriters(3)) {
            FanOutWriters.Pass pass = writers.pass(list, s -> index(s) % 5 != 0,
                    s -> offers.offer(s, index(s) % 97 == 1 ? Offer.FULL : index(s) % 89 == 2 ? Offer.GONE : Offer.TAKEN));

            assertThat(offers.threads).as("the caller and two writers").hasSize(3);
            assertThat(offers.counts).hasSize((int) list.stream().filter(s -> index(s) % 5 != 0).count());
            assertThat(offers.counts.values()).allMatch(count -> count.get() == 1);
            List<FanOutWriters.Miss> expected = new ArrayList<>();
            for (int i = n - 1; i >= 0; i--) {
                if (i % 5 != 0 && (i % 97 == 1 || i % 89 == 2)) {
                    expected.add(new FanOutWriters.Miss(i, i % 97 == 1 ? Offer.FULL : Offer.GONE));
                }
            }
            assertThat(pass.misses()).containsExactlyElementsOf(expected);
            assertThat(pass.taken()).isEqualTo(offers.counts.size() - expected.size());
        }
    }

    @Test
    void shouldKeepASmallPassOnTheCallersThread() {
        Offers offers = new Offers();
        try (FanOutWriters writers = new FanOutWriters(4)) {
            FanOutWriters.Pass pass = writers.pass(subscribers(2 * FanOutWriters.MIN_SLICE - 1), s -> true,
                    s -> offers.offer(s, Offer.TAKEN));

            assertThat(offers.threads).containsExactly(Thread.currentThread().getName());
            assertThat(pass.taken()).isEqualTo(2 * FanOutWriters.MIN_SLICE - 1);
            assertThat(pass.misses()).isEmpty();
        }
    }

    @Test
    void shouldFailThePassOnlyOnceEverySliceIsDone() {
        int n = 2 * FanOutWriters.MIN_SLICE;
        String caller = Thread.currentThread().getName();
        Offers offers = new Offers();
        try (FanOutWriters writers = new FanOutWriters(2)) {
            assertThatThrownBy(() -> writers.pass(subscribers(n), s -> true, s -> {
                if (Thread.currentThread().getName().equals(caller)) {
                    throw new IllegalArgumentException("broken stream");
                }
                // the writer's slice takes a while: a pass that did not wait for it would end first
                sleep();
                return offers.offer(s, Offer.TAKEN);
            })).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("broken stream");

            assertThat(offers.counts).as("the writer's whole slice").hasSize(FanOutWriters.MIN_SLICE);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
