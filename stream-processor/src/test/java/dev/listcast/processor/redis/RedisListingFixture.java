package dev.listcast.processor.redis;

import static org.awaitility.Awaitility.await;

import dev.listcast.embedded.RedisTestDatabase;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A {@link RedisTestDatabase} (the real Redis, one database per test class, skipped without a server) with what the
 * runner's tests add: settings pointing at it, and entries written and read in the bus layout, as cdc-ingest's
 * publisher lays them out.
 */
final class RedisListingFixture {
    private final RedisTestDatabase database;

    RedisListingFixture(RedisTestDatabase database) {
        this.database = database;
    }

    RedisProcessorSettings settings(int workers, int batch, Duration claimIdle) {
        return new RedisProcessorSettings(database.url(), workers, "listcast-processor-test", Duration.ofMillis(50),
                batch, claimIdle, Duration.ofHours(1), 0);
    }

    RedisCommands<byte[], byte[]> redis() {
        return database.connection().sync();
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
}
