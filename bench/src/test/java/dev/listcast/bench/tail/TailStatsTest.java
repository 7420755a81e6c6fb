package dev.listcast.bench.tail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.bench.stats.LatencySummary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TailStatsTest {
    @Test
    void shouldMeasureEachRecordFromItsOriginToItsFirstArrival() {
        TailStats stats = TailStats.of(Map.of(1L, 100.0, 2L, 200.0), Map.of(1L, 103.0, 2L, 201.0),
                Map.of(1L, 1, 2L, 1));

        assertThat(stats).isEqualTo(new TailStats(2, 2, 0, 0, 0, LatencySummary.of(new double[] {3, 1})));
    }

    @Test
    void shouldCountRecordsNeverSeenAsLosses() {
        TailStats stats = TailStats.of(Map.of(1L, 100.0, 2L, 200.0), Map.of(2L, 205.0), Map.of(2L, 1));

        assertThat(stats.losses()).isEqualTo(1);
        assertThat(stats.received()).isEqualTo(1);
        assertThat(stats.latency()).isEqualTo(LatencySummary.of(new double[] {5}));
    }

    @Test
    void shouldCountCopiesBeyondTheFirstAsDuplicates() {
        TailStats stats = TailStats.of(Map.of(1L, 0.0, 2L, 0.0), Map.of(1L, 1.0, 2L, 1.0), Map.of(1L, 3, 2L, 1));

        assertThat(stats.duplicates()).isEqualTo(2);
    }

    @Test
    void shouldCountRecordsTheRunDidNotSendAsStraysOutsideTheLatency() {
        TailStats stats = TailStats.of(Map.of(1L, 0.0), Map.of(1L, 2.0, 7L, 50.0), Map.of(1L, 1, 7L, 4));

        assertThat(stats.strays()).isEqualTo(1);
        assertThat(stats.duplicates()).isZero();
        assertThat(stats.latency().max()).isEqualTo(2.0);
    }

    @Test
    void shouldReadOneInstantPerItem() {
        assertThat(TailStats.millis(Map.of(4L, 2_000_000L), n -> n / 1e6)).isEqualTo(Map.of(4L, 2.0));
    }
}
