package dev.listcast.processor.kafka;

import dev.listcast.events.DeadLetter;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.SellerChange;
import dev.listcast.events.Taxonomy;
import dev.listcast.events.Topics;
import dev.listcast.processor.listing.ListingRules;
import dev.listcast.telemetry.SpanShipper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * The listing topology, in the shape of Kafka's {@code WordCountDemo}: {@link #build} wires, {@link ListingRules}
 * decides, {@link #streamsConfig} holds every tuned setting and why.
 *
 * <pre>
 * market.items.changes ─▶ parse, detect, validate ─┬─ rejected ─────────────────────────────────▶ listings.dlq
 *                                                  └─ draft ─▶ dedupe ─▶ ⋈ sellers ─▶ enrich ─▶ listings.&lt;category&gt;
 * market.sellers.changes ─▶ GlobalKTable sellers
 * </pre>
 *
 * Sellers are a {@link GlobalKTable}: items are keyed by item id and sellers by seller id, so a partitioned table
 * would need a repartition of the items (one more hop, one more transaction) to co-partition them. Every
 * instance holding every seller is cheap: sellers are few and small.
 */
public final class ListingTopology {
    /** The window store holding recently seen event ids. */
    public static final String DEDUPE_STORE = "listing-event-ids";
    /** The sellers table. */
    public static final String SELLERS_STORE = "sellers";
    private ListingTopology() {
    }

    /**
     * Adds the listing topology to {@code builder}; an event id is remembered for {@code dedupeWindow}
     * ({@link ProcessorSettings#dedupeWindow}), {@code clock} stamps processedAt and failedAt, {@code spans}
     * receives each listing's span of this stage.
     */
    public static void build(StreamsBuilder builder, Taxonomy taxonomy, Duration dedupeWindow, Clock clock,
            SpanShipper spans) {
        ListingRules rules = new ListingRules(taxonomy, clock);
        GlobalKTable<String, SellerChange> sellers = builder.globalTable(Topics.SELLER_CHANGES,
                // Lenient: a junk seller record reads as a deleted seller (listings go out without a name)
                // instead of stopping the global thread, which would stop the whole processor.
                Consumed.with(Serdes.String(), JsonSerde.lenient(SellerChange.class)),
                Materialized.as(SELLERS_STORE));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DEDUPE_STORE, dedupeWindow, dedupeWindow, false),
                Serdes.String(), Serdes.Long()));

        Map<String, KStream<String, Assessed>> assessed = builder
                .stream(Topics.ITEM_CHANGES, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(bytes -> new Assessed(bytes, rules.assess(bytes)), Named.as("assess"))
                .filterNot((key, value) -> value.isIgnored(), Named.as("drop-non-listings"))
                .split(Named.as("assessed-"))
                .branch((key, value) -> value.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));

        assessed.get("assessed-rejected")
                .processValues(() -> new DeadLetters(clock), Named.as("dead-letter"))
                .to(Topics.DEAD_LETTERS, Produced.with(Serdes.String(), JsonSerde.strict(DeadLetter.class)));

        assessed.get("assessed-accepted")
                .mapValues(Assessed::draft, Named.as("draft"))
                .processValues(() -> new Deduplicator(DEDUPE_STORE, dedupeWindow), Named.as("dedupe"), DEDUPE_STORE)
                .leftJoin(sellers, (itemKey, draft) -> Long.toString(draft.sellerId()), Enrichment::new,
                        Named.as("join-seller"))
                .processValues(() -> new ListingEmitter(rules, spans), Named.as("enrich"))
                // Keyed by item id whatever the input key was; no repartition: nothing stateful follows.
                .selectKey((key, event) -> Long.toString(event.itemId()), Named.as("key-by-item"))
                .to(byCategory(), Produced.with(Serdes.String(), JsonSerde.strict(ListingEvent.class)));
    }

    /** Routes an event to {@code listings.<category>}; the rules already mapped unknown categories to other. */
    static TopicNameExtractor<String, ListingEvent> byCategory() {
        return (key, event, context) -> Topics.listings(event.category());
    }

    /**
     * Kafka Streams configuration: {@code processor.streams.*} pass-through settings first, then the typed
     * settings and tuned defaults with {@code putIfAbsent}, so anything set in the file or environment wins.
     */
    public static Properties streamsConfig(ProcessorSettings settings) {
        Properties props = new Properties();
        props.putAll(settings.streamsOverrides());
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        // Input deduped by event id, output written in the same transaction as the input offsets: a listing
        // is neither lost nor emitted twice across crashes of this processor.
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // With EOS, output becomes visible to read_committed consumers only at the transaction commit, so the
        // commit interval is the latency floor (default 100 ms under EOS). But the stream thread checks it only
        // between polls, which block for poll.ms when idle (default 100 ms): both must drop. Measured here,
        // producer -> processor -> read_committed consumer on a loaded 2-core machine, p50: 100/100 114 ms,
        // 5/5 17 ms, 5/2 21 ms, 1/1 29 ms, 10/5 19 ms (below 10 ms the differences are noise). 5/5 it is:
        // bursts share a transaction, and an idle thread wakes 200 times a second rather than 1000.
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        props.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, settings.poll().toMillis());
        // Kafka Streams raises the producer's linger.ms to 100 ms: every listing would wait 100 ms for company.
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        // The new "streams" rebalance protocol took 5.5 s to reach RUNNING here; classic takes about 1 s.
        props.putIfAbsent(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // Single-node defaults, from settings: a real cluster sets 3 and 1.
        props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
        props.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        // Nothing bad stops the pipeline: undecodable input, a throwing processor and an unwritable output
        // record are logged and skipped (the topology already routes bad listings to listings.dlq itself).
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProductionHandler.class.getName());
        return props;
    }
}
