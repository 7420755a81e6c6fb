package dev.listcast.bench.report;

import java.util.List;

/** One line family of {@code latency.png}: latency percentiles of one target at each subscriber count. */
public record LatencySeries(String name, List<Point> points) {

    /** Percentiles in milliseconds at {@code subscribers}. */
    public record Point(int subscribers, double p50, double p90, double p99) {
    }

    public LatencySeries {
        points = List.copyOf(points);
    }
}
