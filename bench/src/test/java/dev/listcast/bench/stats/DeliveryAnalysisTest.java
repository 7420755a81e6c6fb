package dev.listcast.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryAnalysisTest {
    private static String event(long item) {
        return "{\"eventId\":\"" + item + "@b:1:0\",\"itemId\":" + item + "}";
    }

    @Test
    void shouldMeasureEveryDeliveryAndTheLastSubscriberFromTheOrigin() {
        DeliveryLog log = new DeliveryLog(2);
        log.record(0, event(1), 3_000_000);
        log.record(1, event(1), 5_000_000);

        DeliveryStats stats = DeliveryAnalysis.analyse(log, Map.of(1L, 1_000_000L), new boolean[] {true, true});

        assertThat(stats.perDelivery()).isEqualTo(new LatencySummary(2, 2, 4, 4, 4));
        assertThat(stats.timeToAll()).isEqualTo(new LatencySummary(1, 4, 4, 4, 4));
    }

    @Test
    void shouldCountMissingDeliveriesAsLossesAndLeaveTheEventOutOfTimeToAll() {
        DeliveryLog log = new DeliveryLog(2);
        log.record(0, event(1), 3_000_000);

        DeliveryStats stats = DeliveryAnalysis.analyse(log, Map.of(1L, 1_000_000L, 2L, 1_000_000L),
                new boolean[] {true, true});

        assertThat(stats.expected()).isEqualTo(4);
        assertThat(stats.losses()).isEqualTo(3);
        assertThat(stats.incompleteEvents()).isEqualTo(2);
        assertThat(stats.timeToAll().count()).isZero();
    }

    @Test
    void shouldCountARepeatedEventIdAtOneSubscriberAsADuplicate() {
        DeliveryLog log = new DeliveryLog(1);
        log.record(0, event(1), 3_000_000);
        log.record(0, event(1), 4_000_000);

        DeliveryStats stats = DeliveryAnalysis.analyse(log, Map.of(1L, 1_000_000L), new boolean[] {true});

        assertThat(stats.duplicates()).isEqualTo(1);
        assertThat(stats.perDelivery().max()).isEqualTo(2);
    }

    @Test
    void shouldIgnoreSubscribersThatNeverConnected() {
        DeliveryLog log = new DeliveryLog(2);
        log.record(0, event(1), 3_000_000);

        DeliveryStats stats = DeliveryAnalysis.analyse(log, Map.of(1L, 1_000_000L), new boolean[] {true, false});

        assertThat(stats.losses()).isZero();
        assertThat(stats.expected()).isEqualTo(1);
    }
}
