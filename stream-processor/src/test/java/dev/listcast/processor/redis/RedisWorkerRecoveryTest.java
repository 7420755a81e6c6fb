package dev.listcast.processor.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.embedded.RedisTestDatabase;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ListingJson;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import dev.listcast.processor.listing.ItemChanges;
import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Consumers that die holding entries, and consumers sharing one stream. */
class RedisWorkerRecoveryTest {
    @RegisterExtension
    static final RedisTestDatabase database = RedisTestDatabase.open(10);
    private static final RedisListingFixture redis = new RedisListingFixture(database);

    @Test
    void shouldDeliverEveryListingExactlyOnceWhenAWorkerDiesHoldingEntries() {
        RedisProcessorSettings settings = redis.settings(1, 100, Duration.ofMillis(300));
        publishListings(201, 20);
        deadWorkerHolds(settings, 8);

        try (RedisListingWorkers workers = RedisListingWorkers.start(settings)) {
            RedisListingFixture.awaitHandled(() -> total(workers), 20);
        }

        assertThat(eventIds()).hasSize(20).doesNotHaveDuplicates();
        assertThat(redis.redis().xpending(StreamEntry.bytes(Topics.ITEM_CHANGES), StreamEntry.bytes(settings.group()))
                .getCount()).isZero();
        // the dead worker's entries were claimed, and this process stopped: no consumer is left in the group
        assertThat(consumerNames(settings)).isEmpty();
    }

    @Test
    void shouldKeepADeadConsumerUntilItsEntriesAreClaimed() {
        RedisProcessorSettings settings = redis.settings(1, 100, Duration.ofHours(1));
        publishListings(401, 3);
        deadWorkerHolds(settings, 3);
        publishListings(404, 2);

        try (RedisListingWorkers workers = RedisListingWorkers.start(settings)) {
            RedisListingFixture.awaitHandled(() -> total(workers), 2);
            assertThat(consumerNames(settings)).hasSize(2).contains("dead-worker");
        }

        // Removing it would drop its three pending entries with it; they are claimed once idle for an hour.
        assertThat(consumerNames(settings)).containsExactly("dead-worker");
    }

    /** A worker of an earlier process read the first {@code count} entries and died before acknowledging any. */
    private static void deadWorkerHolds(RedisProcessorSettings settings, int count) {
        redis.redis().xgroupCreate(XReadArgs.StreamOffset.from(StreamEntry.bytes(Topics.ITEM_CHANGES), "0"),
                StreamEntry.bytes(settings.group()), new XGroupCreateArgs().mkstream(true));
        assertThat(redis.redis().xreadgroup(
                Consumer.from(StreamEntry.bytes(settings.group()), StreamEntry.bytes("dead-worker")),
                XReadArgs.Builder.count(count),
                XReadArgs.StreamOffset.lastConsumed(StreamEntry.bytes(Topics.ITEM_CHANGES)))).hasSize(count);
    }

    private static List<String> consumerNames(RedisProcessorSettings settings) {
        return redis.redis().xinfoConsumers(StreamEntry.bytes(Topics.ITEM_CHANGES), StreamEntry.bytes(settings.group()))
                .stream().map(consumer -> {
                    List<?> fields = (List<?>) consumer;
                    return new String((byte[]) fields.get(fields.indexOf(fields.stream()
                            .filter(f -> f instanceof byte[] b && new String(b, StandardCharsets.UTF_8).equals("name"))
                            .findFirst().orElseThrow()) + 1), StandardCharsets.UTF_8);
                }).toList();
    }

    @Test
    void shouldShareWorkBetweenTwoWorkers() {
        try (RedisListingWorkers workers = RedisListingWorkers.start(redis.settings(2, 1, Duration.ofSeconds(5)))) {
            publishListings(301, 100);

            RedisListingFixture.awaitHandled(() -> total(workers), 100);

            assertThat(workers.processed()).hasSize(2).allSatisfy(handled -> assertThat(handled).isPositive());
        }
        assertThat(eventIds()).hasSize(100).doesNotHaveDuplicates();
    }

    private static void publishListings(long firstItem, int count) {
        LongStream.range(firstItem, firstItem + count).forEach(item -> {
            ItemChange change = ItemChanges.created(ItemChanges.listed(item), item);
            redis.publish(Topics.ITEM_CHANGES, Long.toString(item), ListingJson.encode(change),
                    TraceParent.newRoot().toString());
        });
    }

    private static List<String> eventIds() {
        return redis.entries(Topics.listings("sneakers")).stream()
                .map(entry -> ListingJson.listingEvent(entry.value()).eventId())
                .toList();
    }

    private static int total(RedisListingWorkers workers) {
        return workers.processed().stream().mapToInt(Long::intValue).sum();
    }
}
