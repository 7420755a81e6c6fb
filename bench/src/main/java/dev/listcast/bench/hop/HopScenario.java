package dev.listcast.bench.hop;

import dev.listcast.bench.OptionSpec;
import dev.listcast.bench.Options;
import dev.listcast.bench.Progress;
import dev.listcast.bench.Scenario;
import dev.listcast.bench.report.BenchReport;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.IsolationLevel;

/**
 * The stream-processor hop alone: synthetic {@code ItemChange}s onto {@value Topics#ITEM_CHANGES} of a running
 * stack, its listing events read back from {@code listings.<category>} by a read_committed and a read_uncommitted
 * consumer in the same run, so the price of waiting for the processor's transaction commit shows side by side.
 * {@code ./listcast bench hop --records 1000 --rate 100}.
 */
public final class HopScenario implements Scenario {

    @Override
    public String name() {
        return "hop";
    }

    @Override
    public String summary() {
        return "send N synthetic item changes at a rate, measure change→listing event, read_committed vs"
                + " read_uncommitted";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.ENDPOINTS,
                new OptionSpec("records", "1000", "item changes sent (at most " + SyntheticListings.MAX_RECORDS + ")"),
                new OptionSpec("rate", "100", "records per second"),
                new OptionSpec("category", "bikes", "category of the synthetic items (routes to listings.<category>)"),
                new OptionSpec("max-time", "120", "seconds the sending may take at most"),
                new OptionSpec("timeout", "10", "seconds to wait for the last events after the last send"));
    }

    @Override
    public BenchReport run(Options options) throws Exception {
        String startedAt = Instant.now().toString();
        int records = options.positiveInt("records");
        if (records > SyntheticListings.MAX_RECORDS - 1) {
            throw new IllegalArgumentException("--records must stay below " + SyntheticListings.MAX_RECORDS);
        }
        double rate = options.positiveDouble("rate");
        SyntheticListings listings = SyntheticListings.forRun(Instant.now(), options.string("category"));
        Duration maxTime = options.seconds("max-time");
        Duration timeout = options.seconds("timeout");
        String topic = Topics.listings(listings.category());
        Endpoints endpoints = Endpoints.read(options.path("endpoints"));
        Progress.say("hop: %d item changes at %.1f/s onto %s, reading %s read_committed and read_uncommitted at %s",
                records, rate, Topics.ITEM_CHANGES, topic, endpoints.kafkaBootstrap());
        try (TopicTail committed = TopicTail.open(endpoints.kafkaBootstrap(), topic, IsolationLevel.READ_COMMITTED);
             TopicTail uncommitted = TopicTail.open(endpoints.kafkaBootstrap(), topic,
                     IsolationLevel.READ_UNCOMMITTED);
             ChangeSender sender = new ChangeSender(endpoints.kafkaBootstrap())) {
            // record 0 warms up producer, processor and both consumers; it is not counted
            long warmUpId = listings.itemId(0);
            sender.send(listings.change(0, System.currentTimeMillis()));
            long warmUpDeadline = System.nanoTime() + timeout.toNanos();
            if (!committed.awaitAll(Set.of(warmUpId), warmUpDeadline)
                    || !uncommitted.awaitAll(Set.of(warmUpId), warmUpDeadline)) {
                throw new IllegalStateException("the warm-up record (item " + warmUpId + ") did not reach " + topic
                        + " within " + timeout.toSeconds() + " s: is the stream processor running?");
            }
            long start = System.nanoTime();
            int sent = sendAtRate(sender, listings, records, rate, start + maxTime.toNanos());
            sender.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<Long, Long> sentNanos = new HashMap<>(sender.sentNanos());
            sentNanos.remove(warmUpId);
            Progress.say("  %d sent in %.1f s; waiting up to %d s for the events", sent, seconds, timeout.toSeconds());
            long deadline = System.nanoTime() + timeout.toNanos();
            committed.awaitAll(sentNanos.keySet(), deadline);
            uncommitted.awaitAll(sentNanos.keySet(), deadline);
            return report(startedAt, options, result(sender, warmUpId, committed, uncommitted, rate, sent, seconds,
                    topic));
        }
    }

    private static int sendAtRate(ChangeSender sender, SyntheticListings listings, int records, double rate,
            long deadline) throws InterruptedException {
        long start = System.nanoTime();
        int progressEvery = Math.max(1, (int) Math.ceil(rate * 2));
        int sent = 0;
        while (sent < records && System.nanoTime() < deadline) {
            long wait = start + (long) (sent * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            sender.send(listings.change(sent + 1, System.currentTimeMillis()));
            sent++;
            if (sent % progressEvery == 0) {
                Progress.say("  sent %d of %d", sent, records);
            }
        }
        return sent;
    }

    private static HopResult result(ChangeSender sender, long warmUpId, TopicTail committed, TopicTail uncommitted,
            double rate, int sent, double seconds, String topic) {
        Map<Long, Long> sentNanos = without(sender.sentNanos(), warmUpId);
        Map<Long, Long> sentMillis = without(sender.sentMillis(), warmUpId);
        Map<Long, Long> ackedNanos = without(sender.ackedNanos(), warmUpId);
        // the same event in both consumers' copies, unless a transaction aborted: take the committed one first
        Map<Long, Arrival> events = new HashMap<>(uncommitted.arrivals());
        events.putAll(committed.arrivals());
        Map<Long, Double> processedAt = TailStats.millis(events,
                a -> ListingJson.listingEvent(a.value()).processedAt());
        TailStats sendToProcessed = TailStats.of(TailStats.millis(sentMillis, Long::doubleValue),
                processedAt, Map.of());
        return new HopResult(sent, rate, sent / seconds, sender.failures(), topic, sendToProcessed,
                isolation("read_committed", without(committed.arrivals(), warmUpId), committed, sentNanos, sentMillis,
                        ackedNanos, processedAt),
                isolation("read_uncommitted", without(uncommitted.arrivals(), warmUpId), uncommitted, sentNanos,
                        sentMillis, ackedNanos, processedAt));
    }

    private static IsolationResult isolation(String name, Map<Long, Arrival> arrivals, TopicTail tail,
            Map<Long, Long> sentNanos, Map<Long, Long> sentMillis, Map<Long, Long> ackedNanos,
            Map<Long, Double> processedAt) {
        Map<Long, Integer> copies = tail.copies();
        Map<Long, Double> polled = TailStats.millis(arrivals, a -> a.receivedNanos() / 1e6);
        // polled on the wall clock, through the same record's send (nanoTime and currentTimeMillis taken together)
        Map<Long, Double> polledWall = new HashMap<>();
        arrivals.forEach((id, a) -> {
            if (sentNanos.containsKey(id)) {
                polledWall.put(id, sentMillis.get(id) + (a.receivedNanos() - sentNanos.get(id)) / 1e6);
            }
        });
        return new IsolationResult(name,
                TailStats.of(TailStats.millis(sentNanos, n -> n / 1e6), polled, copies),
                TailStats.of(TailStats.millis(ackedNanos, n -> n / 1e6), polled, copies),
                TailStats.of(only(processedAt, sentNanos.keySet()), polledWall, copies),
                tail.unreadable());
    }

    private static <T> Map<Long, T> without(Map<Long, T> byId, long id) {
        Map<Long, T> out = new HashMap<>(byId);
        out.remove(id);
        return out;
    }

    private static Map<Long, Double> only(Map<Long, Double> byId, Set<Long> ids) {
        Map<Long, Double> out = new HashMap<>(byId);
        out.keySet().retainAll(ids);
        return out;
    }

    private static BenchReport report(String startedAt, Options options, HopResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (IsolationResult i : List.of(r.readCommitted(), r.readUncommitted())) {
            rows.add(TailTable.row(i.isolation() + ": send call → polled", i.fromSend()));
            rows.add(TailTable.row(i.isolation() + ": ack → polled", i.fromAck()));
        }
        rows.add(TailTable.row("send call → processedAt", r.sendToProcessed()));
        rows.add(TailTable.row("read_committed: processedAt → polled", r.readCommitted().processedToReceived()));
        rows.add(TailTable.row("read_uncommitted: processedAt → polled", r.readUncommitted().processedToReceived()));
        List<String> notes = List.of(
                String.format("%d synthetic CREATE changes of listed items (category topic %s) sent at %.0f/s (asked"
                        + " %.0f/s), %d send failures; item ids from %d, so no real row is touched.", r.sent(),
                        r.topic(), r.achievedRate(), r.requestedRate(), r.sendFailures(),
                        SyntheticListings.ITEM_ID_FLOOR),
                "Send call: System.nanoTime() right before producer.send() (linger 0, acks all), so it includes"
                        + " the producer's own append round trip. Ack: System.nanoTime() in the send callback, so"
                        + " ack → polled is the stream processor plus the consumer's fetch. Polled: right after the"
                        + " poll that returned the event.",
                "Both consumers are assigned to the end of every partition of " + r.topic() + " in the same JVM"
                        + " (no group, fetch.max.wait.ms 100, fetch.min.bytes 1), so they see the same events at"
                        + " the same time; the difference is the wait for the processor's transaction commit.",
                "processedAt is the processor's wall clock when it emitted the event (ms precision): send call →"
                        + " processedAt is the processor's poll and work, processedAt → polled the commit and fetch.",
                String.format("Strays on the topic (events of other writers): %d read_committed, %d read_uncommitted.",
                        r.readCommitted().fromSend().strays(), r.readUncommitted().fromSend().strays()));
        return new BenchReport("hop", startedAt, options.values(), List.of(r),
                new Table(TailTable.HEADERS, rows), List.of(
                        TailTable.series("read_committed", r.readCommitted().fromAck()),
                        TailTable.series("read_uncommitted", r.readUncommitted().fromAck())), notes);
    }
}
