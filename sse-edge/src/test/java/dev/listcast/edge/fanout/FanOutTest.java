package dev.listcast.edge.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.fanout.Subscriber.Offer;
import dev.listcast.edge.observe.EdgeMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admission and the ring's promise, without sockets: subscribers here only record their frames. */
class FanOutTest {
    private static final long OVERLAP_MILLIS = 1_000;
    private final EdgeMetrics metrics = new EdgeMetrics();

    @AfterEach
    void closeMetrics() {
        metrics.close();
    }

    private FanOut fanOut(int userConnections, int maxConnections) {
        return fanOut(userConnections, maxConnections, 1);
    }

    private FanOut fanOut(int userConnections, int maxConnections, int writers) {
        return new FanOut(new FanOutSettings(16, userConnections, maxConnections, 5, 100,
                Duration.ofMillis(OVERLAP_MILLIS), Duration.ofHours(1), 4, writers), metrics);
    }

    /** A stream that takes every frame (or answers {@code offer} instead) and remembers how it ended. */
    private static final class Recorder implements Subscriber {
        private final String user;
        private final Offer answer;
        private final List<String> frames = new ArrayList<>();
        private String ending;

        Recorder(String user) {
            this(user, Offer.TAKEN);
        }

        Recorder(String user, Offer answer) {
            this.user = user;
            this.answer = answer;
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public ListingFilter filter() {
            return new ListingFilter(null, null, null, null);
        }

        @Override
        public Offer offer(byte[] frame) {
            if (answer == Offer.TAKEN) {
                frames.add(new String(frame, StandardCharsets.UTF_8));
            }
            return answer;
        }

        @Override
        public Offer keepAlive(byte[] frame, long quietNanos) {
            return offer(frame);
        }

        @Override
        public void end(byte[] finalFrame) {
            ending = new String(finalFrame, StandardCharsets.UTF_8);
        }
    }

    private static void assertOverloaded(Runnable call, String reason) {
        assertThatThrownBy(call::run).isInstanceOf(ApiException.class).hasMessage(reason)
                .satisfies(e -> assertThat(((ApiException) e).status().code()).isEqualTo(503))
                .satisfies(e -> assertThat(((ApiException) e).retryAfterSeconds()).isBetween(5, 10));
    }

    @Test
    void shouldRefuseStreamsAndPollsUntilTheSourceFirstLooksAtItsPartitions() {
        FanOut fanOut = fanOut(3, 10);

        assertOverloaded(() -> fanOut.subscribe(new Recorder("ada"), true),
                "this edge is still connecting to its listing source");
        assertOverloaded(fanOut::snapshot, "this edge is still connecting to its listing source");

        fanOut.assigned(Map.of());

        assertThat(fanOut.subscribe(new Recorder("ada"), true)).isNotNull();
        assertThat(fanOut.connections()).isEqualTo(1);
    }

    @Test
    void shouldVouchOnlyForEventsLoggedAfterTheSourceStartedReading() {
        FanOut fanOut = fanOut(3, 10);
        long before = System.currentTimeMillis();

        fanOut.assigned(Map.of("listings.sneakers-0", 42L));

        RingSnapshot ring = fanOut.snapshot();
        assertThat(ring.completeSince()).isGreaterThanOrEqualTo(before + OVERLAP_MILLIS);
        assertThat(ring.coveredFrom()).containsEntry("listings.sneakers-0", 42L);
    }

    @Test
    void shouldLetAUserAtItsCapTradeItsOldestStreamOnAFullEdge() {
        FanOut fanOut = fanOut(1, 2);
        fanOut.assigned(Map.of());
        Recorder adasFirst = new Recorder("ada");
        fanOut.subscribe(adasFirst, false);
        fanOut.subscribe(new Recorder("grace"), false);

        fanOut.subscribe(new Recorder("ada"), false);

        assertThat(adasFirst.ending).contains("event: replaced");
        assertThat(fanOut.connections()).isEqualTo(2);
        assertOverloaded(() -> fanOut.subscribe(new Recorder("linus"), false),
                "this edge holds its maximum of 2 streams");
        assertThat(fanOut.connections()).isEqualTo(2);
    }

    @Test
    void shouldCutTheSlowAndForgetTheGoneWhenSeveralThreadsWriteAnEvent() {
        FanOut fanOut = fanOut(1, 10_000, 3);
        fanOut.assigned(Map.of());
        List<Recorder> streams = new ArrayList<>();
        for (int i = 0; i < 3 * FanOutWriters.MIN_SLICE; i++) {
            Offer answer = i % 100 == 7 ? Offer.FULL : i % 100 == 42 ? Offer.GONE : Offer.TAKEN;
            Recorder stream = new Recorder("user-" + i, answer);
            streams.add(stream);
            fanOut.subscribe(stream, false);
        }

        int delivered = fanOut.publish(TestEvents.event("listings.sneakers-0", 0, 1_000));
        int second = fanOut.publish(TestEvents.event("listings.sneakers-0", 1, 1_001));

        long taking = streams.stream().filter(stream -> stream.answer == Offer.TAKEN).count();
        assertThat(taking).isLessThan(streams.size() - 20);
        assertThat(delivered).isEqualTo(taking);
        assertThat(second).isEqualTo(delivered);
        assertThat(fanOut.connections()).isEqualTo(delivered);
        for (int i = 0; i < streams.size(); i++) {
            Recorder stream = streams.get(i);
            switch (stream.answer) {
                case TAKEN -> assertThat(stream.frames).hasSize(2)
                        .satisfies(frames -> assertThat(frames.get(0)).contains("id: 1000-1@"))
                        .satisfies(frames -> assertThat(frames.get(1)).contains("id: 1001-2@"));
                case FULL -> assertThat(stream.ending).as("stream %d", i).contains("event: overflow");
                case GONE -> assertThat(stream.ending).as("stream %d", i).isNull();
            }
        }
        fanOut.close();
    }
}
