package dev.listcast.processor.kafka;

import static dev.listcast.processor.listing.ItemChanges.created;
import static dev.listcast.processor.listing.ItemChanges.listed;
import static dev.listcast.processor.listing.ItemChanges.row;
import static dev.listcast.processor.listing.ItemChanges.updated;
import static dev.listcast.processor.listing.ItemChanges.withCategory;
import static dev.listcast.processor.listing.ItemChanges.withPrice;
import static dev.listcast.processor.listing.ItemChanges.withTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.listcast.events.ChangeOp;
import dev.listcast.events.DeadLetter;
import dev.listcast.events.EventId;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.ListingKind;
import dev.listcast.events.SellerChange;
import dev.listcast.events.SellerRow;
import dev.listcast.events.Settings;
import dev.listcast.events.Taxonomy;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import dev.listcast.processor.listing.ItemChanges;
import dev.listcast.telemetry.SpanShipper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingTopologyTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final SellerRow ANA = new SellerRow(7, "Ana Shoes", 4.8, "Porto");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> items;
    private TestInputTopic<String, byte[]> sellers;

    @BeforeEach
    void startDriver() {
        startDriver(Map.of());
    }

    private void startDriver(Map<String, String> extraSettings) {
        Map<String, String> values = new HashMap<>(extraSettings);
        values.put("processor.application.id", "listing-topology-test");
        values.put("processor.state.dir", stateDir.toString());
        ProcessorSettings settings = ProcessorSettings.from(Settings.of(values));
        StreamsBuilder builder = new StreamsBuilder();
        ListingTopology.build(builder, Taxonomy.standard(), settings.dedupeWindow(), Clock.fixed(NOW, ZoneOffset.UTC),
                SpanShipper.disabled());
        driver = new TopologyTestDriver(builder.build(), ListingTopology.streamsConfig(settings));
        items = driver.createInputTopic(Topics.ITEM_CHANGES, new StringSerializer(), new ByteArraySerializer());
        sellers = driver.createInputTopic(Topics.SELLER_CHANGES, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldRouteListingToCategoryTopicWithSellerName() {
        sellers.pipeInput("7", seller(ANA));
        items.pipeInput("42", ListingJson.encode(created(listed(42), 10)));

        ListingEvent event = onlyListing("sneakers");
        assertThat(event.eventId()).isEqualTo(EventId.of(42, ItemChanges.position(10)));
        assertThat(event.kind()).isEqualTo(ListingKind.LISTING);
        assertThat(event.sellerName()).isEqualTo("Ana Shoes");
        assertThat(event.sellerRating()).isEqualTo(4.8);
        assertThat(event.processedAt()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void shouldKeyListingsByItemId() {
        items.pipeInput("not-the-item-id", ListingJson.encode(created(listed(42), 10)));
        assertThat(listings("sneakers").readRecord().key()).isEqualTo("42");
    }

    @Test
    void shouldEmitListingOfUnknownSellerAtOnceWithoutName() {
        items.pipeInput("42", ListingJson.encode(created(listed(42), 10)));

        ListingEvent event = onlyListing("sneakers");
        assertThat(event.sellerId()).isEqualTo(7L);
        assertThat(event.sellerName()).isNull();
        assertThat(event.sellerRating()).isNull();
    }

    @Test
    void shouldEnrichLaterListingsOnceSellerArrives() {
        TestOutputTopic<String, byte[]> sneakers = listings("sneakers");
        items.pipeInput("42", ListingJson.encode(created(listed(42), 10)));
        sellers.pipeInput("7", seller(ANA));
        items.pipeInput("43", ListingJson.encode(created(listed(43), 11)));

        List<ListingEvent> events = sneakers.readValuesToList().stream().map(ListingJson::listingEvent).toList();
        assertThat(events).extracting(ListingEvent::itemId, ListingEvent::sellerName)
                .containsExactly(tuple(42L, null),
                        tuple(43L, "Ana Shoes"));
    }

    @Test
    void shouldRouteUnknownCategoryToOther() {
        items.pipeInput("42", ListingJson.encode(created(withCategory(listed(42), "spaceships"), 10)));
        assertThat(onlyListing(Taxonomy.OTHER).category()).isEqualTo(Taxonomy.OTHER);
    }

    @Test
    void shouldDropDuplicateOfSameItemAndPosition() {
        TestOutputTopic<String, byte[]> sneakers = listings("sneakers");
        byte[] change = ListingJson.encode(created(listed(42), 10));
        items.pipeInput("42", change);
        items.pipeInput("42", change);

        assertThat(sneakers.getQueueSize()).isEqualTo(1);
    }

    @Test
    void shouldRememberAnEventIdForTheConfiguredWindowOnly() {
        closeDriver();
        startDriver(Map.of("processor.dedupe.window.seconds", "60"));
        TestOutputTopic<String, byte[]> sneakers = listings("sneakers");
        byte[] change = ListingJson.encode(created(listed(42), 10));
        items.pipeInput("42", change, NOW);
        items.pipeInput("42", change, NOW.plusSeconds(59));
        items.pipeInput("42", change, NOW.plusSeconds(121));

        assertThat(sneakers.readRecordsToList()).extracting(r -> r.getRecordTime())
                .containsExactly(NOW, NOW.plusSeconds(121));
    }

    @Test
    void shouldEmitRelisting() {
        TestOutputTopic<String, byte[]> sneakers = listings("sneakers");
        items.pipeInput("42", ListingJson.encode(created(listed(42), 10)));
        items.pipeInput("42", ListingJson.encode(updated(listed(42), row(42, "WITHDRAWN"), 11)));
        items.pipeInput("42", ListingJson.encode(updated(row(42, "WITHDRAWN"), listed(42), 12)));

        assertThat(sneakers.readValuesToList()).map(ListingJson::listingEvent)
                .extracting(ListingEvent::eventId)
                .containsExactly(EventId.of(42, ItemChanges.position(10)), EventId.of(42, ItemChanges.position(12)));
    }

    @Test
    void shouldEmitPriceDropWithPreviousPrice() {
        items.pipeInput("42", ListingJson.encode(updated(listed(42), withPrice(listed(42), 9_000L), 10)));

        ListingEvent event = onlyListing("sneakers");
        assertThat(event.kind()).isEqualTo(ListingKind.PRICE_DROP);
        assertThat(event.priceCents()).isEqualTo(9_000L);
        assertThat(event.previousPriceCents()).isEqualTo(12_000L);
    }

    @Test
    void shouldIgnoreDraftsAndDeletes() {
        items.pipeInput("42", ListingJson.encode(created(row(42, "DRAFT"), 10)));
        items.pipeInput("42", ListingJson.encode(new ItemChange(ChangeOp.DELETE, 42, listed(42), null,
                ItemChanges.position(11), 0, 0)));

        assertThat(listings("sneakers").isEmpty()).isTrue();
        assertThat(deadLetters().isEmpty()).isTrue();
    }

    @Test
    void shouldSendJunkBytesToDeadLetterTopicWithReasonAndOriginalBytes() {
        byte[] junk = "{\"op\": \"c\", oops".getBytes(StandardCharsets.UTF_8);
        items.pipeInput("42", junk);

        DeadLetter letter = onlyDeadLetter();
        assertThat(letter.reason()).startsWith("invalid ItemChange: ");
        assertThat(letter.sourceTopic()).isEqualTo(Topics.ITEM_CHANGES);
        assertThat(letter.key()).isEqualTo("42");
        assertThat(letter.original()).isEqualTo(junk);
        assertThat(letter.failedAt()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void shouldSendNegativePriceToDeadLetterTopic() {
        items.pipeInput("42", ListingJson.encode(created(withPrice(listed(42), -5L), 10)));
        assertThat(onlyDeadLetter().reason()).isEqualTo("price must be positive: -5");
    }

    @Test
    void shouldSendBlankTitleToDeadLetterTopic() {
        items.pipeInput("42", ListingJson.encode(created(withTitle(listed(42), " \n\t "), 10)));
        assertThat(onlyDeadLetter().reason()).isEqualTo("title is missing");
    }

    @Test
    void shouldKeepPipelineRunningAfterBadRecords() {
        items.pipeInput("1", "junk".getBytes(StandardCharsets.UTF_8));
        items.pipeInput("2", new byte[0]);
        items.pipeInput("42", ListingJson.encode(created(listed(42), 10)));

        assertThat(deadLetters().getQueueSize()).isEqualTo(2);
        assertThat(onlyListing("sneakers").itemId()).isEqualTo(42L);
    }

    @Test
    void shouldTruncateHugeUnicodeTitle() {
        String title = "Caf\u0065\u0301 \uD83D\uDC5F ".repeat(10_000);
        items.pipeInput("42", ListingJson.encode(created(withTitle(listed(42), title), 10)));

        String emitted = onlyListing("sneakers").title();
        assertThat(emitted.codePointCount(0, emitted.length())).isLessThanOrEqualTo(200);
        assertThat(emitted).startsWith("Caf\u00e9 \uD83D\uDC5F Caf\u00e9").endsWith("\u2026");
        assertThat(Character.isHighSurrogate(emitted.charAt(emitted.length() - 2))).isFalse();
    }

    @Test
    void shouldContinueIncomingTraceInHeaderAndEvent() {
        TraceParent incoming = TraceParent.newRoot();
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceParent.HEADER, incoming.toString().getBytes(StandardCharsets.UTF_8));
        items.pipeInput(new TestRecord<>("42", ListingJson.encode(created(listed(42), 10)), headers));

        TestRecord<String, byte[]> record = listings("sneakers").readRecord();
        Header header = record.headers().lastHeader(TraceParent.HEADER);
        TraceParent child = TraceParent.parse(new String(header.value(), StandardCharsets.UTF_8)).orElseThrow();
        assertThat(child.traceId()).isEqualTo(incoming.traceId());
        assertThat(child.spanId()).isNotEqualTo(incoming.spanId());
        assertThat(ListingJson.listingEvent(record.value()).traceparent()).isEqualTo(child.toString());
        assertThat(record.headers().headers(TraceParent.HEADER)).hasSize(1);
    }

    @Test
    void shouldStartTraceForDeadLetterWithoutIncomingTrace() {
        items.pipeInput("42", "junk".getBytes(StandardCharsets.UTF_8));
        Header header = deadLetters().readRecord().headers().lastHeader(TraceParent.HEADER);
        assertThat(TraceParent.parse(new String(header.value(), StandardCharsets.UTF_8))).isPresent();
    }

    private static byte[] seller(SellerRow row) {
        return ListingJson.encode(new SellerChange(ChangeOp.CREATE, row.id(), row, ItemChanges.position(1), 0, 0));
    }

    private TestOutputTopic<String, byte[]> listings(String category) {
        return driver.createOutputTopic(Topics.listings(category), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private TestOutputTopic<String, byte[]> deadLetters() {
        return driver.createOutputTopic(Topics.DEAD_LETTERS, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private ListingEvent onlyListing(String category) {
        List<byte[]> values = listings(category).readValuesToList();
        assertThat(values).hasSize(1);
        return ListingJson.listingEvent(values.getFirst());
    }

    private DeadLetter onlyDeadLetter() {
        List<byte[]> values = deadLetters().readValuesToList();
        assertThat(values).hasSize(1);
        return ListingJson.deadLetter(values.getFirst());
    }
}
