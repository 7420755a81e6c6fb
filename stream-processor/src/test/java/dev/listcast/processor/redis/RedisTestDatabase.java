package dev.listcast.processor.redis;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Redis server on 127.0.0.1:6379, one database number per test class so tests never see each other's
 * streams; emptied before each test. Without a reachable server each test is skipped (reported as skipped, with
 * the reason), never passed. Writes entries
 * in the bus layout, as cdc-ingest's publisher does.
 */
final class RedisTestDatabase implements AutoCloseable {
    private final String url;
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final String unavailable;

    private RedisTestDatabase(String url, RedisClient client, StatefulRedisConnection<byte[], byte[]> connection,
            String unavailable) {
        this.url = url;
        this.client = client;
        this.connection = connection;
        this.unavailable = unavailable;
    }

    /** Connects to database {@code number}; when Redis is not there, {@link #flush} skips every test. */
    static RedisTestDatabase open(int number) {
        String url = "redis://127.0.0.1:6379/" + number;
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(5));
        RedisClient client = RedisClient.create(uri);
        try {
            return new RedisTestDatabase(url, client, client.connect(ByteArrayCodec.INSTANCE), null);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            return new RedisTestDatabase(url, null, null,
                    "no Redis server at " + url + " (" + e.getMessage() + "): Redis runner tests skipped");
        }
    }

    RedisProcessorSettings settings(int workers, int batch, Duration claimIdle) {
        return new RedisProcessorSettings(url, workers, "listcast-processor-test", Duration.ofMillis(50), batch,
                claimIdle, Duration.ofHours(1), 0);
    }

    RedisCommands<byte[], byte[]> redis() {
        return connection.sync();
    }

    /** Empties the database before a test, or skips the test when Redis is not there. */
    void flush() {
        Assumptions.assumeTrue(connection != null, unavailable);
        redis().flushdb();
    }

    /** XADDs an entry as cdc-ingest's publisher lays it out; returns its id. */
    String publish(String stream, String key, byte[] value, String traceparent) {
        List<byte[]> fields = StreamEntry.fields(key, value, traceparent);
        return redis().xadd(StreamEntry.bytes(stream), (Object[]) fields.toArray(byte[][]::new));
    }

    /** Every entry of {@code stream}, oldest first. */
    List<StreamEntry> entries(String stream) {
        List<StreamEntry> entries = new ArrayList<>();
        for (StreamMessage<byte[], byte[]> message : redis().xread(XReadArgs.Builder.count(100_000),
                XReadArgs.StreamOffset.from(StreamEntry.bytes(stream), "0-0"))) {
            entries.add(StreamEntry.of(message));
        }
        return entries;
    }

    /** Waits until {@code handled} reaches {@code expected} (the workers acknowledged that many entries). */
    static void awaitHandled(IntSupplier handled, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> handled.getAsInt() >= expected);
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
