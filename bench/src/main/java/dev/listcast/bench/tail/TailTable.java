package dev.listcast.bench.tail;

import dev.listcast.bench.report.LatencySeries;
import dev.listcast.bench.stats.LatencySummary;
import java.util.List;

/** The results table shared by the Kafka-only scenarios: one row per latency view. */
public final class TailTable {
    public static final List<String> HEADERS = List.of("measure", "received", "lost", "duplicates", "p50 ms",
            "p90 ms", "p99 ms", "max ms");

    private TailTable() {
    }

    public static List<String> row(String measure, TailStats s) {
        LatencySummary p = s.latency();
        return List.of(measure, s.received() + " of " + s.expected(), Long.toString(s.losses()),
                Long.toString(s.duplicates()), f2(p.p50()), f2(p.p90()), f2(p.p99()), f2(p.max()));
    }

    /** A chart line of one point at x = 1: one consumer. */
    public static LatencySeries series(String name, TailStats s) {
        LatencySummary p = s.latency();
        return new LatencySeries(name, List.of(new LatencySeries.Point(1, p.p50(), p.p90(), p.p99())));
    }

    private static String f2(double v) {
        return String.format("%.2f", v);
    }
}
