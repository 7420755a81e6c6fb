package dev.listcast.bench.polling;

import dev.listcast.bench.OptionSpec;
import dev.listcast.bench.Options;
import dev.listcast.bench.Progress;
import dev.listcast.bench.Scenario;
import dev.listcast.bench.e2e.ListingInserter;
import dev.listcast.bench.load.LoadSettings;
import dev.listcast.bench.load.MeteredPool;
import dev.listcast.bench.load.SseRequest;
import dev.listcast.bench.report.BenchReport;
import dev.listcast.bench.report.LatencySeries;
import dev.listcast.bench.report.Table;
import dev.listcast.bench.stack.EdgeAccess;
import dev.listcast.bench.stack.Endpoints;
import dev.listcast.bench.stats.DeliveryAnalysis;
import dev.listcast.bench.stats.DeliveryLog;
import dev.listcast.bench.stats.DeliveryStats;
import dev.listcast.bench.stats.EventDeliveries;
import dev.listcast.bench.stats.LatencySummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The polling baseline: the same inserts watched by N SSE subscribers and N polling clients at once, so the SSE
 * gain shows side by side. {@code ./listcast bench polling --clients 200 --interval-ms 2000}.
 */
public final class PollingScenario implements Scenario {
    /** An SSE stream and a polling connection per client, under this process's 20,000 file descriptors. */
    private static final int MAX_CLIENTS = 9_000;

    @Override
    public String name() {
        return "polling";
    }

    @Override
    public String summary() {
        return "N clients polling GET /api/listings?after= next to N SSE subscribers, same inserts";
    }

    @Override
    public List<OptionSpec> options() {
        return LoadSettings.optionsWith(
                OptionSpec.ENDPOINTS,
                new OptionSpec("clients", "100", "polling clients, and as many SSE subscribers"),
                new OptionSpec("interval-ms", "2000", "polling interval"),
                new OptionSpec("listings", "50", "listings inserted"),
                new OptionSpec("rate", "5", "inserts per second"),
                OptionSpec.CATEGORY);
    }

    @Override
    public BenchReport run(Options options) throws Exception {
        String startedAt = Instant.now().toString();
        LoadSettings load = LoadSettings.from(options);
        int clients = options.positiveInt("clients");
        if (clients > MAX_CLIENTS) {
            // Every client is an SSE stream plus a polling connection in this one process; at 10,000 the process
            // ran out of descriptors (fd limit 20,000), half the streams failed and the run never ended.
            throw new IllegalArgumentException("--clients " + clients + " needs two connections each; at most "
                    + MAX_CLIENTS + " fit under this process's 20,000 file descriptors");
        }
        Duration interval = Duration.ofMillis(options.positiveInt("interval-ms"));
        int listings = options.positiveInt("listings");
        double rate = options.positiveDouble("rate");
        load.requirePublishingFits(listings, rate, "listings");
        String category = options.string("category");
        Endpoints endpoints = Endpoints.read(options.path("endpoints"));
        EdgeAccess edge = EdgeAccess.open(endpoints, load.maxTime().plusMinutes(30));
        Progress.say("polling: %d pollers every %d ms and %d SSE subscribers, %d listings at %.1f/s", clients,
                interval.toMillis(), clients, listings, rate);
        long deadline = System.nanoTime() + load.maxTime().toNanos();
        DeliveryLog pollLog = new DeliveryLog(clients);
        try (ListingInserter inserter = new ListingInserter(endpoints.mariadb());
             MeteredPool sse = MeteredPool.connect("edge", List.of(), edge.server(),
                     i -> SseRequest.get(edge.server(), "/api/listings/stream", edge.token("bench-sse-" + i)),
                     clients, load);
             PollingClients pollers = new PollingClients(endpoints.edge(), i -> edge.token("bench-poll-" + i),
                     interval, pollLog)) {
            List<Long> warmUpIds = new ArrayList<>();
            sse.warmUp(n -> warmUpIds.add(inserter.insertOne(category)));
            pollers.start(clients);
            inserter.insertAtRate(listings, rate, category, deadline);
            Map<Long, Long> commits = new HashMap<>(inserter.commitNanos());
            commits.keySet().removeAll(warmUpIds);
            long expected = (long) commits.size() * clients;
            // the pollers still need up to one interval after the last insert
            Set<Long> inserted = commits.keySet();
            Progress.say("  waiting for pollers: %d of %d", deliveredOf(pollLog, inserted), expected);
            long pollersDone = Math.min(deadline, lastInsertPlus(interval, inserter));
            while (deliveredOf(pollLog, inserted) < expected && System.nanoTime() < pollersDone) {
                Thread.sleep(50);
            }
            MeteredPool.Outcome outcome = sse.finish((long) commits.size() * sse.opened(), deadline);
            pollers.close();
            boolean[] everyPoller = new boolean[clients];
            java.util.Arrays.fill(everyPoller, true);
            PollingResult result = new PollingResult(clients, interval.toMillis(), commits.size(), rate,
                    DeliveryAnalysis.analyse(outcome.log(), commits, outcome.opened()),
                    DeliveryAnalysis.analyse(pollLog, commits, everyPoller), pollers.requests(), pollers.errors());
            return report(startedAt, options, result);
        }
    }

    /**
     * Deliveries of this run's own listings only. Pollers also get other listings (another writer, the overlap
     * replay of earlier ones); counting those let the wait end before the last listings were polled, which showed
     * up as "lost" deliveries (28 of 3000 in one run).
     */
    private static long deliveredOf(DeliveryLog log, Set<Long> itemIds) {
        long delivered = 0;
        for (EventDeliveries event : log.events()) {
            if (itemIds.contains(event.itemId())) {
                for (long nanos : event.receivedNanos()) {
                    delivered += nanos == 0 ? 0 : 1;
                }
            }
        }
        return delivered;
    }

    /** Pollers have had every chance once two intervals and five seconds passed since the last commit. */
    private static long lastInsertPlus(Duration interval, ListingInserter inserter) {
        long last = inserter.commitNanos().values().stream().mapToLong(Long::longValue).max().orElse(0);
        return last + interval.multipliedBy(2).plusSeconds(5).toNanos();
    }

    private static BenchReport report(String startedAt, Options options, PollingResult r) {
        Table table = new Table(List.of("client", "deliveries", "lost", "repeats (dropped by eventId)", "p50 ms", "p90 ms", "p99 ms",
                "max ms"), List.of(row("SSE", r.sse()), row("polling every " + r.intervalMillis() + " ms", r.polling())));
        List<String> notes = List.of(
                "Latency is commit → received: the inserter's clock right after the autocommit insert returned, to"
                        + " the read of the SSE frame or the polling response carrying the listing.",
                "Polling repeats are by design: each poll replays a small overlap and the client drops repeats"
                        + " by eventId, as the SPA does.",
                String.format("%d poll requests, %d failed.", r.pollRequests(), r.pollErrors()));
        List<LatencySeries> chart = List.of(series("SSE", r.clients(), r.sse().perDelivery()),
                series("polling " + r.intervalMillis() + " ms", r.clients(), r.polling().perDelivery()));
        return new BenchReport("polling", startedAt, options.values(), List.of(r), table, chart, notes);
    }

    private static List<String> row(String client, DeliveryStats s) {
        LatencySummary p = s.perDelivery();
        return List.of(client, Long.toString(s.delivered()), Long.toString(s.losses()), Long.toString(s.duplicates()),
                String.format("%.1f", p.p50()), String.format("%.1f", p.p90()), String.format("%.1f", p.p99()),
                String.format("%.1f", p.max()));
    }

    private static LatencySeries series(String name, int clients, LatencySummary p) {
        return new LatencySeries(name, List.of(new LatencySeries.Point(clients, p.p50(), p.p90(), p.p99())));
    }
}
