package dev.listcast.edge.source;

import dev.listcast.events.Topics;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every {@code listings.<category>} stream of the Redis Streams bus ({@code LISTCAST_BUS=redis}) with plain
 * {@code XREAD}, no consumer group: like the Kafka source, each edge sees every listing. A stream is one partition,
 * named like its key; entry ids become offsets ({@link RedisIds}) and their milliseconds the log time, which Redis
 * stamps at {@code XADD} like Kafka's log-append time, so resume ids mean the same on both buses. Streams present
 * at start are read from their end, streams found later by the periodic scan from their first entry.
 */
public final class RedisListingSource implements ListingSource {
    private static final System.Logger LOG = System.getLogger(RedisListingSource.class.getName());
    private static final long BLOCK_MILLIS = 200;
    private static final long BATCH = 1_000;
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final String VALUE_FIELD = "value";
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisSourceSettings settings;
    private final RedisClient client;
    private final ReaderThread reader = new ReaderThread();
    private volatile boolean ready;
    private StatefulRedisConnection<String, byte[]> replayConnection;

    public RedisListingSource(RedisSourceSettings settings) {
        this.settings = settings;
        this.client = RedisClient.create(settings.url());
    }

    @Override
    public void start(SourceListener listener) {
        reader.start("listcast-edge-redis", () -> {
            replayConnection = client.connect(CODEC);
            // bounds every replay command: a resume that cannot be answered in time is answered with a reset
            replayConnection.setTimeout(settings.replayTimeout());
            StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
            return () -> run(connection, listener);
        });
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    private void run(StatefulRedisConnection<String, byte[]> connection, SourceListener listener) {
        // the id read next from, per stream; insertion order keeps XREAD's arguments stable
        Map<String, String> after = new LinkedHashMap<>();
        long nextScan = 0;
        boolean scanned = false;
        try (connection) {
            RedisCommands<String, byte[]> redis = connection.sync();
            while (reader.running()) {
                try {
                    if (System.currentTimeMillis() >= nextScan) {
                        // Only the very first scan starts streams at their end; a scan after a Redis failure is not
                        // a first look, or streams created meanwhile would lose their entries.
                        scan(redis, after, listener, !scanned);
                        scanned = true;
                        nextScan = System.currentTimeMillis() + settings.refresh().toMillis();
                    }
                    if (after.isEmpty()) {
                        Thread.sleep(BLOCK_MILLIS);
                        continue;
                    }
                    read(redis, after, listener);
                } catch (RedisException e) {
                    ready = false;
                    LOG.log(Level.WARNING, "cannot read listings from " + settings.url() + ", retrying: "
                            + e.getMessage());
                    Thread.sleep(RETRY.toMillis());
                    nextScan = 0;
                }
            }
        } catch (InterruptedException e) {
            // close() asked us to stop
        } finally {
            ready = false;
        }
    }

    private void read(RedisCommands<String, byte[]> redis, Map<String, String> after, SourceListener listener) {
        @SuppressWarnings("unchecked")
        StreamOffset<String>[] offsets = after.entrySet().stream()
                .map(e -> StreamOffset.from(e.getKey(), e.getValue())).toArray(StreamOffset[]::new);
        List<StreamMessage<String, byte[]>> messages = redis.xread(
                XReadArgs.Builder.block(BLOCK_MILLIS).count(BATCH), offsets);
        if (messages == null) {
            return;
        }
        for (StreamMessage<String, byte[]> message : messages) {
            after.put(message.getStream(), message.getId());
            listener.onRecord(record(message));
        }
    }

    /** Finds listing streams not read yet; the first scan starts them at their end, later ones at their start. */
    private void scan(RedisCommands<String, byte[]> redis, Map<String, String> after, SourceListener listener,
            boolean first) {
        Map<String, Long> positions = new HashMap<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(Topics.LISTINGS_PREFIX + "*")
                    .limit(500));
            for (String key : page.getKeys()) {
                if (!after.containsKey(key) && Topics.LISTINGS.matcher(key).matches()
                        && "stream".equals(redis.type(key))) {
                    List<StreamMessage<String, byte[]>> last = first
                            ? redis.xrevrange(key, Range.unbounded(), Limit.from(1)) : List.of();
                    String from = last.isEmpty() ? "0-0" : last.getFirst().getId();
                    after.put(key, from);
                    positions.put(key, last.isEmpty() ? 0 : RedisIds.offset(from) + 1);
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        if (first || !positions.isEmpty()) {
            listener.onAssigned(positions);
            LOG.log(Level.INFO, "reading " + positions.size() + " new listing streams, " + after.size() + " in all");
        }
        ready = true;
    }

    @Override
    public List<SourcedRecord> replay(long fromTimestamp, Map<String, Long> until) {
        RedisCommands<String, byte[]> redis = replayConnection.sync();
        List<SourcedRecord> records = new ArrayList<>();
        until.forEach((stream, stop) -> {
            if (stop > 0) {
                Range<String> range = Range.create(fromTimestamp + "-0", RedisIds.id(stop - 1));
                for (StreamMessage<String, byte[]> message : redis.xrange(stream, range)) {
                    records.add(record(message));
                }
            }
        });
        return records;
    }

    /** The entry as a record; one without a {@code value} field reaches the edge empty, which counts it unreadable. */
    private static SourcedRecord record(StreamMessage<String, byte[]> message) {
        byte[] value = message.getBody().get(VALUE_FIELD);
        long offset = RedisIds.offset(message.getId());
        return new SourcedRecord(message.getStream(), offset, RedisIds.millis(offset), value == null ? new byte[0] : value);
    }

    @Override
    public void close() {
        // XREAD blocks for BLOCK_MILLIS at most: the loop sees the flag without a wake-up.
        if (reader.stop(() -> { })) {
            replayConnection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
