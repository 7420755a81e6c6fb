package dev.listcast.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    @Test
    void shouldTakeNearestRankPercentiles() {
        double[] oneToHundred = IntStream.rangeClosed(1, 100).mapToDouble(i -> i).toArray();

        assertThat(LatencySummary.of(oneToHundred)).isEqualTo(new LatencySummary(100, 50, 90, 99, 100));
    }

    @Test
    void shouldNotDependOnInputOrder() {
        assertThat(LatencySummary.of(new double[] {9, 1, 5, 3, 7})).isEqualTo(new LatencySummary(5, 5, 9, 9, 9));
    }

    @Test
    void shouldTakeTheOnlySampleForEveryPercentile() {
        assertThat(LatencySummary.of(new double[] {4.5})).isEqualTo(new LatencySummary(1, 4.5, 4.5, 4.5, 4.5));
    }

    @Test
    void shouldBeZeroWithoutSamples() {
        assertThat(LatencySummary.of(new double[0])).isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
    }
}
