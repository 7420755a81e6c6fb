package dev.listcast.bench.cdc;

import dev.listcast.bench.OptionSpec;
import dev.listcast.bench.Options;
import dev.listcast.bench.Progress;
import dev.listcast.bench.Scenario;
import dev.listcast.bench.e2e.ListingInserter;
import dev.listcast.bench.report.BenchReport;
import dev.listcast.bench.report.LatencySeries;
import dev.listcast.bench.report.Table;
import dev.listcast.bench.stack.Endpoints;
import dev.listcast.bench.tail.Arrival;
import dev.listcast.bench.tail.TailStats;
import dev.listcast.bench.tail.TailTable;
import dev.listcast.bench.tail.TopicTail;
import dev.listcast.events.ListingJson;
import dev.listcast.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.IsolationLevel;

/**
 * The capture stage alone: commit in MariaDB → {@code ItemChange} on {@code market.items.changes}, over single-row
 * autocommit inserts into a running stack. {@code ./listcast bench cdc --inserts 1000 --rate 0}.
 */
public final class CdcScenario implements Scenario {

    @Override
    public String name() {
        return "cdc";
    }

    @Override
    public String summary() {
        return "insert M listings one autocommit each, measure commit→ItemChange on " + Topics.ITEM_CHANGES;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.ENDPOINTS,
                new OptionSpec("inserts", "1000", "single-row inserts, each its own autocommit transaction"),
                new OptionSpec("rate", "0", "inserts per second; 0 inserts back to back"),
                OptionSpec.CATEGORY,
                new OptionSpec("max-time", "120", "seconds the inserts may take at most"),
                // back to back, inserts outrun capture (one change per Debezium batch): the queue needs time to drain
                new OptionSpec("timeout", "30", "seconds to wait for the last records after the last insert"));
    }

    @Override
    public BenchReport run(Options options) throws Exception {
        String startedAt = Instant.now().toString();
        int inserts = options.positiveInt("inserts");
        double rate = rate(options);
        String category = options.string("category");
        Duration maxTime = options.seconds("max-time");
        Duration timeout = options.seconds("timeout");
        Endpoints endpoints = Endpoints.read(options.path("endpoints"));
        Progress.say("cdc: %d inserts %s into %s, watching %s at %s", inserts,
                rate == 0 ? "back to back" : String.format("at %.1f/s", rate), endpoints.mariadb().jdbcUrl(),
                Topics.ITEM_CHANGES, endpoints.kafkaBootstrap());
        try (TopicTail tail = TopicTail.open(endpoints.kafkaBootstrap(), Topics.ITEM_CHANGES,
                IsolationLevel.READ_UNCOMMITTED);
             ListingInserter inserter = new ListingInserter(endpoints.mariadb())) {
            // one round trip first: connections, JIT and the consumer's first fetch are not what is measured
            long warmUpId = inserter.insertOne(category);
            if (!tail.awaitAll(Set.of(warmUpId), System.nanoTime() + timeout.toNanos())) {
                throw new IllegalStateException("the warm-up insert (item " + warmUpId + ") did not reach "
                        + Topics.ITEM_CHANGES + " within " + timeout.toSeconds() + " s: is cdc-ingest running?");
            }
            long start = System.nanoTime();
            long deadline = start + maxTime.toNanos();
            if (rate == 0) {
                insertBackToBack(inserter, inserts, category, deadline);
            } else {
                inserter.insertAtRate(inserts, rate, category, deadline);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<Long, Long> commitNanos = new HashMap<>(inserter.commitNanos());
            Map<Long, Long> commitMillis = new HashMap<>(inserter.commitMillis());
            commitNanos.remove(warmUpId);
            commitMillis.remove(warmUpId);
            Progress.say("  %d inserts in %.1f s; waiting up to %d s for the records", commitNanos.size(), seconds,
                    timeout.toSeconds());
            tail.awaitAll(commitNanos.keySet(), System.nanoTime() + timeout.toNanos());
            Map<Long, Arrival> arrivals = new HashMap<>(tail.arrivals());
            arrivals.remove(warmUpId);
            return report(startedAt, options, result(commitNanos, commitMillis, arrivals, tail, rate, seconds));
        }
    }

    private static void insertBackToBack(ListingInserter inserter, int inserts, String category, long deadline)
            throws java.sql.SQLException {
        for (int i = 0; i < inserts && System.nanoTime() < deadline; i++) {
            inserter.insertOne(category);
            if ((i + 1) % 250 == 0) {
                Progress.say("  inserted %d of %d", i + 1, inserts);
            }
        }
    }

    private static CdcResult result(Map<Long, Long> commitNanos, Map<Long, Long> commitMillis,
            Map<Long, Arrival> arrivals, TopicTail tail, double rate, double seconds) {
        Map<Long, Integer> copies = tail.copies();
        Map<Long, Double> commitWall = TailStats.millis(commitMillis, Long::doubleValue);
        TailStats received = TailStats.of(TailStats.millis(commitNanos, n -> n / 1e6),
                TailStats.millis(arrivals, a -> a.receivedNanos() / 1e6), copies);
        TailStats createTime = TailStats.of(commitWall, TailStats.millis(arrivals, Arrival::timestampMillis), copies);
        TailStats captured = TailStats.of(commitWall,
                TailStats.millis(arrivals, a -> ListingJson.itemChange(a.value()).capturedAt()), copies);
        return new CdcResult(commitNanos.size(), rate, commitNanos.size() / seconds, drainRate(arrivals, commitNanos),
                received, createTime, captured, tail.unreadable());
    }

    /** Records per second reaching the topic, first to last arrival of the run's records. */
    private static double drainRate(Map<Long, Arrival> arrivals, Map<Long, Long> commitNanos) {
        long[] polled = arrivals.entrySet().stream().filter(e -> commitNanos.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue().receivedNanos()).sorted().toArray();
        return polled.length < 2 ? 0 : (polled.length - 1) / ((polled[polled.length - 1] - polled[0]) / 1e9);
    }

    private static BenchReport report(String startedAt, Options options, CdcResult r) {
        Table table = new Table(TailTable.HEADERS, List.of(
                TailTable.row("commit → record polled (read_uncommitted)", r.commitToReceived()),
                TailTable.row("commit → record CreateTime", r.commitToCreateTime()),
                TailTable.row("commit → capturedAt", r.commitToCaptured())));
        List<String> notes = List.of(
                String.format("%d single-row autocommit inserts at %.0f/s (%s); sellers 1..5. Their changes"
                        + " reached the topic at %.0f/s (first to last record): when inserts outrun that, latency is"
                        + " mostly queueing.", r.inserted(), r.achievedRate(),
                        r.requestedRate() == 0 ? "back to back" : "asked " + r.requestedRate(), r.capturedRate()),
                "Commit is the bench's clock right after executeUpdate returned (autocommit: the commit is done);"
                        + " binlog timestamps have one-second precision, so they are not used.",
                "Polled: System.nanoTime() right after the poll that returned the record, one consumer assigned"
                        + " to the end of every partition of " + Topics.ITEM_CHANGES + " (no group,"
                        + " fetch.max.wait.ms 100, fetch.min.bytes 1); it includes the consumer's fetch.",
                "CreateTime is set by cdc-ingest's producer when it sends, so commit → CreateTime excludes the"
                        + " broker append and consumer fetch; capturedAt is when cdc-ingest mapped the change."
                        + " Both are wall clocks of this machine, millisecond precision.",
                String.format("Strays (records of other writers on the topic) %d, unreadable keys %d.",
                        r.commitToReceived().strays(), r.unreadable()));
        List<LatencySeries> chart = List.of(
                TailTable.series("commit→polled", r.commitToReceived()),
                TailTable.series("commit→CreateTime", r.commitToCreateTime()));
        return new BenchReport("cdc", startedAt, options.values(), List.of(r), table, chart, notes);
    }

    private static double rate(Options options) {
        String value = options.string("rate");
        double rate;
        try {
            rate = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate is not a number: '" + value + "'", e);
        }
        if (!(rate >= 0)) {
            throw new IllegalArgumentException("--rate must be 0 (back to back) or positive: " + value);
        }
        return rate;
    }
}
