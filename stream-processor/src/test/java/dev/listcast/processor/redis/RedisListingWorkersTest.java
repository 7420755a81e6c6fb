package dev.listcast.processor.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.embedded.RedisTestDatabase;
import dev.listcast.events.ChangeOp;
import dev.listcast.events.DeadLetter;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.SellerChange;
import dev.listcast.events.SellerRow;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import dev.listcast.processor.listing.ItemChanges;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisListingWorkersTest {
    private static final long SELLER = 7;
    @RegisterExtension
    static final RedisTestDatabase database = RedisTestDatabase.open(9);
    private static final RedisListingFixture redis = new RedisListingFixture(database);
    private RedisListingWorkers workers;

    @AfterEach
    void stop() {
        if (workers != null) {
            workers.close();
        }
    }

    @Test
    void shouldDeliverListingEnrichedWithSellerAndChildTrace() {
        redis.publish(Topics.SELLER_CHANGES, Long.toString(SELLER), ListingJson.encode(new SellerChange(
                ChangeOp.CREATE, SELLER, new SellerRow(SELLER, "Ana Shoes", 4.8, "Porto"), ItemChanges.position(1),
                0, 0)), TraceParent.newRoot().toString());
        TraceParent trace = TraceParent.newRoot();
        workers = RedisListingWorkers.start(redis.settings(1, 100, Duration.ofSeconds(5)));

        publishChange(ItemChanges.created(ItemChanges.listed(101), 10), trace);

        awaitHandled(1);
        assertThat(redis.entries(Topics.listings("sneakers"))).singleElement().satisfies(entry -> {
            ListingEvent event = ListingJson.listingEvent(entry.value());
            assertThat(entry.key()).isEqualTo("101");
            assertThat(event.sellerName()).isEqualTo("Ana Shoes");
            assertThat(event.traceparent()).isEqualTo(entry.traceparent());
            TraceParent child = TraceParent.parse(entry.traceparent()).orElseThrow();
            assertThat(child.traceId()).isEqualTo(trace.traceId());
            assertThat(child.spanId()).isNotEqualTo(trace.spanId());
        });
    }

    @Test
    void shouldRouteUnknownCategoryToOther() {
        workers = RedisListingWorkers.start(redis.settings(1, 100, Duration.ofSeconds(5)));

        publishChange(ItemChanges.created(ItemChanges.withCategory(ItemChanges.listed(102), "spaceships"), 11),
                TraceParent.newRoot());

        awaitHandled(1);
        assertThat(redis.entries(Topics.listings("other"))).singleElement()
                .satisfies(entry -> assertThat(ListingJson.listingEvent(entry.value()).itemId()).isEqualTo(102));
    }

    @Test
    void shouldDeadLetterJunkWithReasonAndOriginalBytesAndKeepFlowing() {
        byte[] junk = "not json at all".getBytes(StandardCharsets.UTF_8);
        workers = RedisListingWorkers.start(redis.settings(1, 100, Duration.ofSeconds(5)));

        redis.publish(Topics.ITEM_CHANGES, "103", junk, TraceParent.newRoot().toString());
        publishChange(ItemChanges.created(ItemChanges.listed(104), 12), TraceParent.newRoot());

        awaitHandled(2);
        assertThat(redis.entries(Topics.DEAD_LETTERS)).singleElement().satisfies(entry -> {
            DeadLetter letter = ListingJson.deadLetter(entry.value());
            assertThat(letter.reason()).startsWith("invalid ItemChange");
            assertThat(letter.original()).isEqualTo(junk);
            assertThat(letter.key()).isEqualTo("103");
            assertThat(letter.sourceTopic()).isEqualTo(Topics.ITEM_CHANGES);
            assertThat(TraceParent.parse(entry.traceparent())).isPresent();
        });
        assertThat(redis.entries(Topics.listings("sneakers"))).extracting(StreamEntry::key).containsExactly("104");
    }

    @Test
    void shouldEmitDuplicateChangeOnce() {
        ItemChange change = ItemChanges.created(ItemChanges.listed(105), 13);
        workers = RedisListingWorkers.start(redis.settings(1, 100, Duration.ofSeconds(5)));

        publishChange(change, TraceParent.newRoot());
        publishChange(change, TraceParent.newRoot());

        awaitHandled(2);
        assertThat(redis.entries(Topics.listings("sneakers"))).singleElement();
    }

    @Test
    void shouldAcknowledgeChangesThatAreNoListings() {
        workers = RedisListingWorkers.start(redis.settings(1, 100, Duration.ofSeconds(5)));

        publishChange(ItemChanges.created(ItemChanges.row(106, "DRAFT"), 14), TraceParent.newRoot());

        awaitHandled(1);
        assertThat(redis.redis().xpending(StreamEntry.bytes(Topics.ITEM_CHANGES),
                StreamEntry.bytes("listcast-processor-test")).getCount()).isZero();
        assertThat(redis.redis().keys(StreamEntry.bytes("listings.*"))).isEmpty();
    }

    private static void publishChange(ItemChange change, TraceParent trace) {
        redis.publish(Topics.ITEM_CHANGES, Long.toString(change.itemId()), ListingJson.encode(change),
                trace.toString());
    }

    private void awaitHandled(int expected) {
        RedisListingFixture.awaitHandled(
                () -> workers.processed().stream().mapToInt(Long::intValue).sum(), expected);
    }
}
