package dev.listcast.edge.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumerTest {
    private static final FanOutSettings SETTINGS = new FanOutSettings(16, 3, 100, 5, 100, Duration.ofMillis(1_000),
            Duration.ofHours(1), 4, 1);
    private static final long NOW = 10_000_000;

    private static RingSnapshot ring(long completeSince, EdgeEvent... events) {
        return new RingSnapshot(List.of(events), Map.of(), completeSince);
    }

    @Test
    void shouldGoLiveWithoutAnId() {
        assertThat(Resumer.plan(null, ring(0), NOW, SETTINGS)).isInstanceOf(Resumer.Fresh.class);
    }

    @Test
    void shouldResetGarbageTooOldAndFutureIds() {
        assertThat(Resumer.plan("garbage", ring(0), NOW, SETTINGS)).isEqualTo(new Resumer.Reset("unreadable resume id"));
        assertThat(Resumer.plan((NOW - 3_600_001) + "-1@x", ring(0), NOW, SETTINGS))
                .isEqualTo(new Resumer.Reset("resume id older than 60 minutes"));
        assertThat(Resumer.plan((NOW + 61_000) + "-1@x", ring(0), NOW, SETTINGS))
                .isEqualTo(new Resumer.Reset("resume id from the future"));
    }

    @Test
    void shouldSendFromTheRingOnlyWhatFollowsTheIdInItsPartition() {
        EdgeEvent a1 = TestEvents.event("p-0", 1, NOW - 500);
        EdgeEvent a2 = TestEvents.event("p-0", 2, NOW - 400);
        EdgeEvent a3 = TestEvents.event("p-0", 3, NOW - 300);

        Resumer.Plan plan = Resumer.plan(a2.resumeId().toString(), ring(0, a1, a2, a3), NOW, SETTINGS);

        assertThat(plan).isEqualTo(new Resumer.FromRing(new Resumer.Missed(List.of(a3), 0)));
    }

    @Test
    void shouldResendOtherPartitionsWithinTheOverlap() {
        EdgeEvent old = TestEvents.event("q-0", 1, NOW - 5_000);
        EdgeEvent recentOther = TestEvents.event("q-0", 2, NOW - 900);
        EdgeEvent pinned = TestEvents.event("p-0", 7, NOW - 100);

        Resumer.Plan plan = Resumer.plan(pinned.resumeId().toString(), ring(0, old, recentOther, pinned), NOW, SETTINGS);

        assertThat(plan).isEqualTo(new Resumer.FromRing(new Resumer.Missed(List.of(recentOther), 1)));
    }

    @Test
    void shouldAskForHistoryWhenTheRingStartsTooLate() {
        EdgeEvent pinned = TestEvents.event("p-0", 7, NOW - 100);

        assertThat(Resumer.plan(pinned.resumeId().toString(), ring(NOW - 500), NOW, SETTINGS))
                .isEqualTo(new Resumer.FromHistory(pinned.resumeId(), NOW - 1_100));
    }

    @Test
    void shouldSendEachEventIdOnceAcrossHistoryAndRing() {
        EdgeEvent pinned = TestEvents.event("p-0", 1, NOW - 100);
        EdgeEvent next = TestEvents.event("p-0", 2, NOW - 50);

        assertThat(Resumer.unseen(List.of(pinned, next, next), 2, pinned.resumeId(), NOW - 1_100).events())
                .containsExactly(next);
    }

    @Test
    void shouldCountTheOverlapBeforeTheClientsOwnEventAsRepeats() {
        EdgeEvent other = TestEvents.event("q-0", 1, NOW - 500);
        EdgeEvent pinned = TestEvents.event("p-0", 1, NOW - 400);
        EdgeEvent next = TestEvents.event("q-0", 2, NOW - 300);

        Resumer.Missed missed = Resumer.unseen(List.of(other, pinned, next), 0, pinned.resumeId(), NOW - 1_400);

        assertThat(missed).isEqualTo(new Resumer.Missed(List.of(other, next), 1));
    }

    @Test
    void shouldOrderHistoryByLogTimeKeepingEachPartitionInOffsetOrder() {
        EdgeEvent a1 = TestEvents.event("a-0", 1, NOW - 900);
        EdgeEvent a2 = TestEvents.event("a-0", 2, NOW - 100);
        EdgeEvent b1 = TestEvents.event("b-0", 1, NOW - 800);
        EdgeEvent b2 = TestEvents.event("b-0", 2, NOW - 200);
        EdgeEvent skewed = TestEvents.event("b-0", 3, NOW - 850);

        assertThat(Resumer.inLogOrder(List.of(a1, a2, b1, b2, skewed))).containsExactly(a1, b1, b2, skewed, a2);
    }

    @Test
    void shouldNotLoseOtherPartitionsWhenPagingThroughHistoryOneEventAtATime() {
        EdgeEvent a1 = TestEvents.event("a-0", 1, NOW - 5_000);
        EdgeEvent a2 = TestEvents.event("a-0", 2, NOW - 2_000);
        EdgeEvent b1 = TestEvents.event("b-0", 1, NOW - 4_000);
        List<EdgeEvent> history = Resumer.inLogOrder(List.of(a1, a2, b1));

        EdgeEvent first = Resumer.unseen(history, 3, ResumeId.at(NOW - 6_000), NOW - 7_000).events().getFirst();
        EdgeEvent second = Resumer.unseen(history, 3, first.resumeId(), first.timestamp() - 1_000).events()
                .getFirst();

        assertThat(List.of(first, second)).containsExactly(a1, b1);
    }

    @Test
    void shouldPinTheCopyOfAReproducedEventThatTheClientGot() {
        EdgeEvent aborted = TestEvents.event("p-0", 1, NOW - 3_000);
        EdgeEvent between = TestEvents.event("p-0", 2, NOW - 2_900);
        EdgeEvent reproduced = new EdgeEvent(new ResumeId(NOW - 2_000, aborted.eventId()), aborted.eventId(),
                aborted.category(), aborted.priceCents(), aborted.searchText(), "p-0", 4, aborted.trace(),
                aborted.upstream(), aborted.json(),
                aborted.frame());

        assertThat(Resumer.unseen(List.of(aborted, between, reproduced), 0, aborted.resumeId(), NOW - 4_000)
                .events()).containsExactly(between);
    }
}
