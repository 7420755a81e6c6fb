package dev.listcast.cdc.redis;

import dev.listcast.events.BusPublisher;
import dev.listcast.events.BusRecord;
import dev.listcast.events.Topics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The Redis Streams bus: every {@link BusRecord} becomes one entry {@code XADD <topic> * key <key> value <bytes>
 * traceparent <...>} (headers are fields next to {@code key} and {@code value}; {@code key} is left out when the
 * record has none), on a stream named exactly like the Kafka topic. The future completes on Redis' reply, i.e.
 * once the entry is in the server's memory; how durable that is depends on the server's {@code appendonly} and
 * {@code appendfsync} settings, so a Redis bus that must survive a Redis crash needs {@code appendfsync always}.
 *
 * <pre>{@code
 * try (RedisBusPublisher bus = RedisBusPublisher.create(RedisBusSettings.from(settings));
 *      CdcIngest cdc = CdcIngest.start(CdcSettings.from(settings), bus)) {
 *     ...
 * }
 * }</pre>
 *
 * Failures without an answer (connection lost, command timed out) complete the future with an {@link IOException}
 * cause, which cdc-ingest treats as retriable, as it does a Kafka broker that is away; an error answer (a key of
 * the wrong type) is not retriable.
 */
public final class RedisBusPublisher implements BusPublisher {
    /** Entry field holding the record key. */
    public static final String KEY_FIELD = "key";
    /** Entry field holding the record value, raw bytes. */
    public static final String VALUE_FIELD = "value";

    private static final Logger LOG = Logger.getLogger(RedisBusPublisher.class.getName());
    /** The stream the processor reads with a consumer group; the others are read from the start or tailed. */
    private static final Set<String> GROUP_READ = Set.of(Topics.ITEM_CHANGES);
    /** The group reads a new stream from its first entry, so changes published before it existed are not skipped. */
    private static final String FROM_FIRST_ENTRY = "0";

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisBusSettings settings;
    private final Set<String> compacted = ConcurrentHashMap.newKeySet();

    private RedisBusPublisher(RedisClient client, StatefulRedisConnection<byte[], byte[]> connection,
            RedisBusSettings settings) {
        this.client = client;
        this.connection = connection;
        this.settings = settings;
    }

    /**
     * Connects to {@code settings.url()}; one connection carries every publish, pipelined.
     *
     * @throws RedisConnectionException when Redis cannot be reached
     */
    public static RedisBusPublisher create(RedisBusSettings settings) {
        RedisClient client = RedisClient.create(settings.url());
        try {
            return new RedisBusPublisher(client, client.connect(ByteArrayCodec.INSTANCE), settings);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    @Override
    public CompletableFuture<Void> publish(BusRecord record) {
        Map<byte[], byte[]> fields = new LinkedHashMap<>();
        if (record.key() != null) {
            fields.put(bytes(KEY_FIELD), bytes(record.key()));
        }
        fields.put(bytes(VALUE_FIELD), record.value());
        for (Map.Entry<String, String> header : record.headers().entrySet()) {
            if (header.getKey().equals(KEY_FIELD) || header.getKey().equals(VALUE_FIELD)) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        "header '" + header.getKey() + "' would overwrite the entry's own field"));
            }
            fields.put(bytes(header.getKey()), bytes(header.getValue()));
        }
        XAddArgs args = new XAddArgs();
        if (settings.maxLen() > 0 && !compacted.contains(record.topic())) {
            args.maxlen(settings.maxLen()).approximateTrimming();
        }
        return connection.async().xadd(bytes(record.topic()), args, fields).toCompletableFuture()
                .handle((id, error) -> {
                    if (error != null) {
                        throw new CompletionException(unanswered(unwrap(error), record.topic()));
                    }
                    return null;
                });
    }

    /**
     * Creates the processor's consumer group on {@code market.items.changes} (and the stream with it) unless it
     * exists. Other streams need nothing: XADD creates a stream, and Redis has no partitions (a consumer group
     * spreads one stream's entries over its consumers instead). A compacted topic is remembered as such: it is
     * never trimmed, because Redis does not compact and its readers need every key's last entry.
     */
    @Override
    public void ensureTopic(String topic, int partitions, boolean compacted) {
        if (compacted) {
            this.compacted.add(topic);
        }
        if (!GROUP_READ.contains(topic)) {
            return;
        }
        try {
            connection.sync().xgroupCreate(StreamOffset.from(bytes(topic), FROM_FIRST_ENTRY),
                    bytes(settings.processorGroup()), new XGroupCreateArgs().mkstream(true));
            LOG.info(() -> "created consumer group " + settings.processorGroup() + " on stream " + topic);
        } catch (RedisCommandExecutionException e) {
            // Another stage (or a previous run) created it already: fine, it keeps its position.
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw new IllegalStateException("cannot create consumer group " + settings.processorGroup()
                        + " on stream " + topic + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        connection.close();
        // Netty's default two-second quiet period only delays a stop: nothing is in flight once closed.
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** No answer at all is a retriable I/O failure for cdc-ingest; an error answer stays what it is. */
    private static Throwable unanswered(Throwable error, String topic) {
        if (error instanceof RedisConnectionException || error instanceof RedisCommandTimeoutException) {
            return new IOException("Redis did not acknowledge an entry for " + topic + ": " + error.getMessage(), error);
        }
        return error;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
