package dev.listcast.processor.redis;

import dev.listcast.events.Taxonomy;
import dev.listcast.events.Topics;
import dev.listcast.processor.listing.ListingRules;
import dev.listcast.telemetry.SpanShipper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Redis Streams runner of the listing rules: a pool of consumers of one group on {@code market.items.changes}
 * writing {@code listings.<category>} and {@code listings.dlq}, enriched from an in-memory sellers table. The same
 * guarantees as the Kafka runner: deduped by event id ({@code listcast:seen:<eventId>}, kept
 * {@code processor.redis.dedupe.ttl.seconds}), a listing never held back for its seller, bad entries dead-lettered
 * with reason and original bytes, a child {@code traceparent} on every output; dedupe, output and acknowledgement
 * happen in one Lua script ({@link OutputScript}), and entries of a dead consumer are claimed after
 * {@code processor.redis.claim.idle.ms}; consumers left holding nothing are removed ({@link GoneConsumers}).
 *
 * <pre>{@code
 * try (RedisListingWorkers workers = RedisListingWorkers.start(RedisProcessorSettings.from(Settings.fromEnvironment()))) {
 *     ...
 * }
 * }</pre>
 */
public final class RedisListingWorkers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisListingWorkers.class.getName());
    /** The group reads a new stream from its first entry, so changes captured before it existed are not skipped. */
    private static final String FROM_FIRST_ENTRY = "0";

    private final RedisClient client;
    private final SellerTable sellers;
    private final List<ListingWorker> workers;
    private final List<Thread> threads;
    private final List<StatefulRedisConnection<byte[], byte[]>> connections;
    private final SpanShipper spans;
    private final RedisProcessorSettings settings;

    private RedisListingWorkers(RedisClient client, SellerTable sellers, List<ListingWorker> workers,
            List<Thread> threads, List<StatefulRedisConnection<byte[], byte[]>> connections, SpanShipper spans,
            RedisProcessorSettings settings) {
        this.client = client;
        this.settings = settings;
        this.spans = spans;
        this.sellers = sellers;
        this.workers = workers;
        this.threads = threads;
        this.connections = connections;
    }

    /** Starts with the standard taxonomy and the system clock. */
    public static RedisListingWorkers start(RedisProcessorSettings settings) {
        return start(settings, Taxonomy.standard(), Clock.systemUTC());
    }

    /**
     * Creates the consumer group if missing, loads the sellers, then starts the workers; returns once they run.
     *
     * @param clock stamps processedAt and failedAt
     * @throws io.lettuce.core.RedisConnectionException when Redis cannot be reached
     */
    public static RedisListingWorkers start(RedisProcessorSettings settings, Taxonomy taxonomy, Clock clock) {
        RedisClient client = RedisClient.create(settings.url());
        List<StatefulRedisConnection<byte[], byte[]>> connections = new ArrayList<>();
        SpanShipper spans = SpanShipper.fromEnvironment("listcast-stream-processor");
        try {
            StatefulRedisConnection<byte[], byte[]> first = client.connect(ByteArrayCodec.INSTANCE);
            connections.add(first);
            ensureGroup(first, settings.group());
            long gone = GoneConsumers.remove(first.sync(), Topics.ITEM_CHANGES, settings.group(), settings.claimIdle(),
                    List.of());
            if (gone > 0) {
                LOG.info(() -> "removed " + gone + " consumers of stopped processes from group " + settings.group());
            }
            OutputScript output = new OutputScript(first.sync(), Topics.ITEM_CHANGES, settings.group(),
                    settings.dedupeTtl(), settings.maxLen());
            SellerTable sellers = SellerTable.start(client, settings.block());
            EntryRouter router = new EntryRouter(new ListingRules(taxonomy, clock), sellers::get, clock);

            String prefix = consumerPrefix();
            List<ListingWorker> workers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < settings.workers(); i++) {
                // A worker blocks its connection in XREADGROUP, so each has one; the first is reused.
                StatefulRedisConnection<byte[], byte[]> connection = i == 0 ? first
                        : client.connect(ByteArrayCodec.INSTANCE);
                if (i > 0) {
                    connections.add(connection);
                }
                ListingWorker worker = new ListingWorker(connection, prefix + "-" + i, settings, router, output,
                        spans);
                workers.add(worker);
                threads.add(Thread.ofPlatform().name("listcast-redis-" + worker.name()).start(worker));
            }
            LOG.info(() -> "Redis listing workers started: " + settings.workers() + " consumers " + prefix
                    + "-* in group " + settings.group() + " on " + Topics.ITEM_CHANGES);
            return new RedisListingWorkers(client, sellers, workers, threads, connections, spans, settings);
        } catch (RuntimeException e) {
            connections.forEach(StatefulRedisConnection::close);
            shutdown(client);
            spans.close();
            throw e;
        }
    }

    /** Entries each worker handled so far, by worker. */
    public List<Long> processed() {
        return workers.stream().map(ListingWorker::processed).toList();
    }

    /** Lets each worker finish its batch (entries already read but not handled stay pending), then disconnects. */
    @Override
    public void close() {
        workers.forEach(ListingWorker::stop);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        removeOwnConsumers();
        sellers.close();
        connections.forEach(StatefulRedisConnection::close);
        shutdown(client);
        spans.close();
    }

    /** Removes this process's consumers that hold nothing; one still holding entries stays for others to claim. */
    private void removeOwnConsumers() {
        try {
            GoneConsumers.remove(connections.get(0).sync(), Topics.ITEM_CHANGES, settings.group(),
                    settings.claimIdle(), workers.stream().map(ListingWorker::name).toList());
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "cannot remove this process's consumers from group " + settings.group()
                    + "; the next process to start removes them", e);
        }
    }

    private static void ensureGroup(StatefulRedisConnection<byte[], byte[]> connection, String group) {
        try {
            connection.sync().xgroupCreate(StreamOffset.from(StreamEntry.bytes(Topics.ITEM_CHANGES), FROM_FIRST_ENTRY),
                    StreamEntry.bytes(group), new XGroupCreateArgs().mkstream(true));
            LOG.info(() -> "created consumer group " + group + " on stream " + Topics.ITEM_CHANGES);
        } catch (RedisCommandExecutionException e) {
            // cdc-ingest (or another processor) created it already: it keeps its position.
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /**
     * Consumer names unique to this process run: a restarted process must not inherit a dead one's pending list
     * silently; its entries are claimed by idle time instead, like any dead consumer's.
     */
    private static String consumerPrefix() {
        String host = System.getenv().getOrDefault("HOSTNAME", "processor");
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    /** Netty's default two-second quiet period only delays a stop; nothing is in flight once connections closed. */
    private static void shutdown(RedisClient client) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
