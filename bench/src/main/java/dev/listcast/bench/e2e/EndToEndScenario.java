package dev.listcast.bench.e2e;

import dev.listcast.bench.OptionSpec;
import dev.listcast.bench.Options;
import dev.listcast.bench.Progress;
import dev.listcast.bench.Scenario;
import dev.listcast.bench.load.LoadSettings;
import dev.listcast.bench.load.MeteredPool;
import dev.listcast.bench.load.SseRequest;
import dev.listcast.bench.report.BenchReport;
import dev.listcast.bench.report.LatencySeries;
import dev.listcast.bench.report.Table;
import dev.listcast.bench.stack.EdgeAccess;
import dev.listcast.bench.stack.Endpoints;
import dev.listcast.bench.stats.DeliveryAnalysis;
import dev.listcast.bench.stats.DeliveryStats;
import dev.listcast.bench.stats.LatencySummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commit to browser through the whole pipeline of a running stack: N subscribers, M inserts at a rate.
 * {@code ./listcast bench e2e --subscribers 1000 --listings 100 --rate 10}.
 */
public final class EndToEndScenario implements Scenario {

    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public String summary() {
        return "insert M listings into MariaDB at a rate, measure commit→received at N SSE subscribers";
    }

    @Override
    public List<OptionSpec> options() {
        return LoadSettings.optionsWith(
                OptionSpec.ENDPOINTS,
                new OptionSpec("subscribers", "1000", "SSE subscribers (one user each)"),
                new OptionSpec("listings", "100", "listings inserted"),
                new OptionSpec("rate", "10", "inserts per second"),
                OptionSpec.CATEGORY,
                OptionSpec.EDGE_PID);
    }

    @Override
    public BenchReport run(Options options) throws Exception {
        String startedAt = Instant.now().toString();
        LoadSettings load = LoadSettings.from(options);
        int subscribers = options.positiveInt("subscribers");
        int listings = options.positiveInt("listings");
        double rate = options.positiveDouble("rate");
        load.requirePublishingFits(listings, rate, "listings");
        String category = options.string("category");
        Endpoints endpoints = Endpoints.read(options.path("endpoints"));
        EdgeAccess edge = EdgeAccess.open(endpoints, load.maxTime().plusMinutes(30));
        Optional<Long> pid = edge.pid(Long.parseLong(options.string("edge-pid")));
        if (pid.isEmpty()) {
            Progress.say("no process found listening on port %d: server CPU and memory are not measured",
                    edge.server().getPort());
        }
        Progress.say("e2e: %d subscribers, %d listings at %.1f/s against %s", subscribers, listings, rate,
                endpoints.edgeUrl());
        long deadline = System.nanoTime() + load.maxTime().toNanos();
        try (ListingInserter inserter = new ListingInserter(endpoints.mariadb());
             MeteredPool pool = MeteredPool.connect("edge", pid.map(List::of).orElse(List.of()), edge.server(),
                     i -> SseRequest.get(edge.server(), "/api/listings/stream", edge.token("bench-" + i)),
                     subscribers, load)) {
            List<Long> warmUpIds = new ArrayList<>();
            pool.warmUp(n -> warmUpIds.add(inserter.insertOne(category)));
            inserter.insertAtRate(listings, rate, category, deadline);
            Map<Long, Long> commits = new HashMap<>(inserter.commitNanos());
            commits.keySet().removeAll(warmUpIds);
            MeteredPool.Outcome outcome = pool.finish((long) commits.size() * pool.opened(), deadline);
            DeliveryStats stats = DeliveryAnalysis.analyse(outcome.log(), commits, outcome.opened());
            Map<String, LatencySummary> stages = StageBreakdown.of(outcome.log().events(), commits,
                    inserter.commitMillis(), outcome.opened());
            EndToEndResult result = new EndToEndResult(subscribers, pool.opened(), pool.connectSeconds(),
                    pool.opened() / pool.connectSeconds(), commits.size(), rate, stats, stages, outcome.usage(),
                    pool.failures(), pool.controlEvents());
            return report(startedAt, options, result);
        }
    }

    private static BenchReport report(String startedAt, Options options, EndToEndResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("commit → received (every delivery)", r.delivery().perDelivery()));
        rows.add(row("commit → all subscribers received (per listing)", r.delivery().timeToAll()));
        r.stages().forEach((stage, summary) -> rows.add(row(stage, summary)));
        Table table = new Table(List.of("measure", "count", "p50 ms", "p90 ms", "p99 ms", "max ms"), rows);
        List<String> notes = new ArrayList<>(List.of(
                String.format("%d of %d subscribers connected in %.1f s (%.0f connections/s); failures %s;"
                        + " control events %s", r.connected(), r.subscribers(), r.connectSeconds(),
                        r.connectsPerSecond(), r.failures(), r.controlEvents()),
                String.format("deliveries %d of %d expected: %d lost, %d duplicates (by eventId per subscriber),"
                        + " %d listings not received by everyone", r.delivery().delivered(), r.delivery().expected(),
                        r.delivery().losses(), r.delivery().duplicates(), r.delivery().incompleteEvents()),
                "Commit time is the inserter's clock right after the autocommit insert returned (binlog timestamps"
                        + " have one-second precision); stages come from the event's capturedAt, processedAt and"
                        + " edgeAt."));
        if (r.server() != null) {
            notes.add(String.format("server (pid %s, the whole JVM: in devstack also broker, Streams, CDC):"
                            + " RSS %d → %d KiB = %.1f KiB per connection (RSS: heap and native; a JVM keeps heap it grew"
                            + " once, so this is only meaningful on a fresh stack);"
                            + " CPU %.1f µs per delivery (%.1f µs idle-corrected; idle burn %.0f ms/s);"
                            + " busiest threads while delivering (ms) %s",
                    r.server().pids(), r.server().rssBeforeKiB(), r.server().rssConnectedKiB(),
                    r.server().rssPerSubscriberKiB(), r.server().cpuMicrosPerDelivery(),
                    r.server().cpuMicrosPerDeliveryIdleCorrected(), r.server().idleCpuMillisPerSecond(),
                    r.server().busiestThreadsMillis()));
        }
        LatencySummary p = r.delivery().perDelivery();
        List<LatencySeries> chart = List.of(new LatencySeries("commit→received",
                List.of(new LatencySeries.Point(r.subscribers(), p.p50(), p.p90(), p.p99()))));
        return new BenchReport("e2e", startedAt, options.values(), List.of(r), table, chart, notes);
    }

    static List<String> row(String measure, LatencySummary s) {
        return List.of(measure, Long.toString(s.count()), f1(s.p50()), f1(s.p90()), f1(s.p99()), f1(s.max()));
    }

    private static String f1(double v) {
        return String.format("%.1f", v);
    }
}
