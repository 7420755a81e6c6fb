package dev.listcast.bench.fanout;

import dev.listcast.bench.OptionSpec;
import dev.listcast.bench.Options;
import dev.listcast.bench.Progress;
import dev.listcast.bench.Scenario;
import dev.listcast.bench.load.LoadSettings;
import dev.listcast.bench.load.MeteredPool;
import dev.listcast.bench.report.BenchReport;
import dev.listcast.bench.report.LatencySeries;
import dev.listcast.bench.report.Table;
import dev.listcast.bench.stack.EdgeAccess;
import dev.listcast.bench.stack.Endpoints;
import dev.listcast.bench.stack.StandaloneEdge;
import dev.listcast.bench.stats.DeliveryAnalysis;
import dev.listcast.bench.stats.DeliveryStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fan-out capacity, Listcast's edge against nginx+nchan, with the same client, the same events and the same sizes:
 * {@code ./listcast bench fanout --target both --subscribers 1000,10000}.
 */
public final class FanoutScenario implements Scenario {

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public String summary() {
        return "publish K events to N subscribers of the edge and/or nginx+nchan; compares CPU, memory, time-to-all";
    }

    @Override
    public List<OptionSpec> options() {
        return LoadSettings.optionsWith(
                new OptionSpec("target", "both", "listcast, nchan or both"),
                new OptionSpec("subscribers", "1000", "comma-separated subscriber counts, one round each"),
                new OptionSpec("events", "20", "events per round (after the warm-ups)"),
                new OptionSpec("rate", "1", "events per second"),
                new OptionSpec("pairs", "1", "rounds of each target per subscriber count, listcast and nchan"
                        + " alternating; each pair gets a ratio row"),
                new OptionSpec("event-bytes", "230", "size of each event's JSON"),
                new OptionSpec("endpoints", ".listcast/dev/endpoints.json", "the stack under test (listcast target)"),
                new OptionSpec("edge", "standalone", "standalone: a fresh edge JVM alone against the stack's broker"
                        + " (metered alone); devstack: the stack's own edge (shares its JVM)"),
                new OptionSpec("writers", "", "comma-separated LISTCAST_STREAM_WRITERS of standalone edges, one"
                        + " listcast target each (empty: one edge with its default, a writer per core)"),
                OptionSpec.EDGE_PID);
    }

    @Override
    public BenchReport run(Options options) throws Exception {
        String startedAt = Instant.now().toString();
        String target = options.string("target");
        if (!List.of("listcast", "nchan", "both").contains(target)) {
            throw new IllegalArgumentException("--target must be listcast, nchan or both: '" + target + "'");
        }
        LoadSettings load = LoadSettings.from(options);
        load.requirePublishingFits(options.positiveInt("events"), options.positiveDouble("rate"), "events");
        int pairs = options.positiveInt("pairs");
        List<FanoutRound> rounds = new ArrayList<>();
        List<FanoutTarget> targets = new ArrayList<>();
        try {
            if (!target.equals("nchan")) {
                targets.addAll(listcast(options, load));
            }
            if (!target.equals("listcast")) {
                targets.add(new FanoutTarget.Nchan(NginxServer.start()));
            }
            // Rounds alternate between the targets: on a shared machine the background load drifts over minutes,
            // and alternating makes each listcast round and the nchan round after it meet the same drift.
            for (int n : options.positiveInts("subscribers")) {
                for (int pair = 0; pair < pairs; pair++) {
                    for (FanoutTarget t : targets) {
                        rounds.add(round(t, n, options, load));
                    }
                }
            }
        } finally {
            for (FanoutTarget t : targets) {
                t.close();
            }
        }
        return report(startedAt, options, rounds);
    }

    /** The edges under test: a standalone one per --writers value, or the devstack's own. */
    private static List<FanoutTarget> listcast(Options options, LoadSettings load) throws Exception {
        Endpoints endpoints = Endpoints.read(options.path("endpoints"));
        String mode = options.string("edge");
        List<Integer> writers = options.string("writers").isEmpty() ? List.of() : options.positiveInts("writers");
        if (mode.equals("standalone")) {
            List<FanoutTarget> edges = new ArrayList<>();
            try {
                if (writers.isEmpty()) {
                    edges.add(standalone(endpoints, Map.of(), "listcast", load));
                }
                for (int w : writers) {
                    edges.add(standalone(endpoints, Map.of("LISTCAST_STREAM_WRITERS", Integer.toString(w)),
                            "listcast (" + w + (w == 1 ? " writer)" : " writers)"), load));
                }
                return edges;
            } catch (Exception e) {
                for (FanoutTarget edge : edges) {
                    edge.close();
                }
                throw e;
            }
        }
        if (!mode.equals("devstack")) {
            throw new IllegalArgumentException("--edge must be standalone or devstack: '" + mode + "'");
        }
        if (!writers.isEmpty()) {
            throw new IllegalArgumentException("--writers sets up standalone edges; the devstack's edge has its own");
        }
        EdgeAccess edge = EdgeAccess.open(endpoints, load.maxTime().plusMinutes(30));
        long pid = edge.pid(Long.parseLong(options.string("edge-pid"))).orElseThrow(() -> new IllegalStateException(
                "no process found listening on the edge port " + edge.server().getPort() + "; pass --edge-pid"));
        return List.of(new FanoutTarget.Listcast("listcast", edge, endpoints.kafkaBootstrap(), pid, () -> {
            // the devstack's edge belongs to whoever started it
        }));
    }

    private static FanoutTarget standalone(Endpoints endpoints, Map<String, String> settings, String name,
            LoadSettings load) throws Exception {
        StandaloneEdge standalone = StandaloneEdge.start(endpoints, settings);
        try {
            EdgeAccess edge = EdgeAccess.open(standalone.endpoints(), load.maxTime().plusMinutes(30));
            return new FanoutTarget.Listcast(name, edge, endpoints.kafkaBootstrap(), standalone.pid(), standalone);
        } catch (Exception e) {
            standalone.close();
            throw e;
        }
    }

    private static FanoutRound round(FanoutTarget target, int subscribers, Options options, LoadSettings load)
            throws Exception {
        int events = options.positiveInt("events");
        double rate = options.positiveDouble("rate");
        int eventBytes = options.positiveInt("event-bytes");
        long runMillis = System.currentTimeMillis();
        String channel = "bench-" + runMillis;
        Progress.say("fanout %s: %d subscribers, %d events at %.1f/s", target.name(), subscribers, events, rate);
        long deadline = System.nanoTime() + load.maxTime().toNanos();
        try (Publisher publisher = target.publisher(channel);
             MeteredPool pool = MeteredPool.connect(target.name(), target.pids(), target.address(),
                     i -> target.request(i, channel), subscribers, load)) {
            // warm-ups are events 0..warmUps-1; the measured ones follow
            pool.warmUp(n -> publisher.publish(FanoutEvents.itemId(runMillis, n),
                    FanoutEvents.body(FanoutEvents.itemId(runMillis, n), System.currentTimeMillis(), eventBytes)));
            Map<Long, Long> published = new HashMap<>();
            long start = System.nanoTime();
            for (int seq = 1; seq <= events && System.nanoTime() < deadline; seq++) {
                long due = start + (long) ((seq - 1) * 1e9 / rate);
                while (System.nanoTime() < due) {
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000), 0);
                }
                long itemId = FanoutEvents.itemId(runMillis, load.warmUps() + seq - 1);
                byte[] body = FanoutEvents.body(itemId, System.currentTimeMillis(), eventBytes);
                published.put(itemId, System.nanoTime());
                publisher.publish(itemId, body);
                if (seq % 5 == 0) {
                    Progress.say("  published %d of %d, %d delivered", seq, events, pool.deliveredAfterWarmUp());
                }
            }
            MeteredPool.Outcome outcome = pool.finish((long) published.size() * pool.opened(), deadline);
            DeliveryStats stats = DeliveryAnalysis.analyse(outcome.log(), published, outcome.opened());
            return new FanoutRound(target.name(), subscribers, pool.opened(), pool.connectSeconds(),
                    pool.opened() / pool.connectSeconds(), published.size(),
                    FanoutEvents.body(FanoutEvents.itemId(runMillis, 1), runMillis, eventBytes).length,
                    publisher.failures(), stats, outcome.usage(), pool.failures(), pool.controlEvents());
        }
    }

    private static BenchReport report(String startedAt, Options options, List<FanoutRound> rounds) {
        List<List<String>> rows = new ArrayList<>();
        List<LatencySeries> chart = new ArrayList<>();
        Map<String, List<LatencySeries.Point>> points = new java.util.LinkedHashMap<>();
        Set<String> memoryCompared = new HashSet<>();
        for (int i = 0; i < rounds.size(); i++) {
            FanoutRound r = rounds.get(i);
            rows.add(List.of(Integer.toString(r.subscribers()), r.target(), Integer.toString(r.connected()),
                    f1(r.server().cpuMicrosPerDeliveryIdleCorrected()), f1(r.server().cpuMicrosPerDelivery()),
                    f1(r.server().rssPerSubscriberKiB()), f1(r.delivery().timeToAll().p50()),
                    f1(r.delivery().timeToAll().p99()), f1(r.delivery().perDelivery().p99()),
                    Long.toString(r.errors())));
            points.computeIfAbsent(r.target(), t -> new ArrayList<>()).add(new LatencySeries.Point(r.subscribers(),
                    r.delivery().perDelivery().p50(), r.delivery().perDelivery().p90(),
                    r.delivery().perDelivery().p99()));
            if (r.target().equals("nchan")) {
                // each listcast round of the pair (one per --writers value) over the nchan round that follows them
                int first = i;
                while (first > 0 && rounds.get(first - 1).target().startsWith("listcast")
                        && rounds.get(first - 1).subscribers() == r.subscribers()) {
                    first--;
                }
                for (FanoutRound l : rounds.subList(first, i)) {
                    rows.add(ratioRow(l, r, memoryCompared.add(l.target() + "@" + l.subscribers())));
                }
            }
        }
        points.forEach((target, p) -> chart.add(new LatencySeries(target + " publish→received", p)));
        Table table = new Table(List.of("subscribers", "target", "connected", "CPU µs/delivery (idle-corrected)",
                "CPU µs/delivery (raw)", "KiB/subscriber (RSS)", "time-to-all p50 ms", "time-to-all p99 ms",
                "per-delivery p99 ms", "errors"), rows);
        List<String> notes = List.of(
                "Same NIO client, same event JSON (padded to --event-bytes), same machine, loopback only. Rounds"
                        + " alternate between the targets (--pairs); a ratio row compares a listcast round with the"
                        + " nchan round of its pair, which ran right after the pair's listcast rounds.",
                "nginx runs with worker_processes 1 (CPU and memory summed over master and worker) to compare like"
                        + " with like against one edge process.",
                "Listcast events are produced straight onto " + FanoutEvents.TOPIC + " with a Kafka producer. With"
                        + " --edge standalone (default) the listcast process metered is an edge JVM of its own ("
                        + StandaloneEdge.MAX_HEAP + ", serial GC) reading the stack's broker; with --edge devstack it is the"
                        + " devstack JVM, which also runs the broker, Kafka Streams and CDC, so its CPU includes"
                        + " their idle polling. Idle-corrected CPU subtracts the burn measured over 5 s with every"
                        + " subscriber connected and nothing published; results.json lists the busiest threads"
                        + " while delivering.",
                "Memory is RSS (heap and native) growth from before connecting to after, divided by subscribers. A JVM"
                        + " keeps heap it grew once, so only its first (or largest) round shows the real cost.",
                "time-to-all: from just before the publish call until the last subscriber read the event.",
                "errors = failed or ended connections + lost deliveries + duplicates + failed publishes.");
        List<String> allNotes = new ArrayList<>(notes);
        rounds.forEach(r -> allNotes.add(String.format("%s at %d: busiest threads while delivering (ms) %s;"
                + " failures %s; control events %s", r.target(), r.subscribers(), r.server().busiestThreadsMillis(),
                r.failures(), r.controlEvents())));
        return new BenchReport("fanout", startedAt, options.values(), rounds, table, chart, allNotes);
    }

    /**
     * A listcast round over the nchan round that ran right after its pair's listcast rounds. Memory is compared in
     * the first pair only: later rounds reuse what the processes grew to in the first.
     */
    private static List<String> ratioRow(FanoutRound l, FanoutRound n, boolean firstPair) {
        return List.of(Integer.toString(l.subscribers()), "**" + l.target() + " / nchan**", "",
                ratio(l.server().cpuMicrosPerDeliveryIdleCorrected(), n.server().cpuMicrosPerDeliveryIdleCorrected()),
                ratio(l.server().cpuMicrosPerDelivery(), n.server().cpuMicrosPerDelivery()),
                firstPair ? ratio(l.server().rssPerSubscriberKiB(), n.server().rssPerSubscriberKiB()) : "–",
                ratio(l.delivery().timeToAll().p50(), n.delivery().timeToAll().p50()),
                ratio(l.delivery().timeToAll().p99(), n.delivery().timeToAll().p99()),
                ratio(l.delivery().perDelivery().p99(), n.delivery().perDelivery().p99()),
                l.errors() + " / " + n.errors());
    }

    private static String f1(double v) {
        return String.format("%.1f", v);
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "–" : String.format("%.2f×", a / b);
    }
}
