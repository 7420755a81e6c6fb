package dev.listcast.bench.stats;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies in milliseconds (nearest rank: the value below which {@code p} percent of the
 * samples lie, always an observed sample). All zero when there were no samples.
 */
public record LatencySummary(long count, double p50, double p90, double p99, double max) {

    public LatencySummary {
        if (count < 0) {
            throw new IllegalArgumentException("negative count: " + count);
        }
    }

    public static LatencySummary of(double[] millis) {
        if (millis.length == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of an ascending array: element {@code ceil(p/100 * n)}, 1-based. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
