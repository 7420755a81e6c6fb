package dev.listcast.processor.listing;

import static dev.listcast.processor.listing.ItemChanges.created;
import static dev.listcast.processor.listing.ItemChanges.listed;
import static dev.listcast.processor.listing.ItemChanges.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.SellerRow;
import dev.listcast.events.Taxonomy;
import dev.listcast.events.TraceParent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingRulesTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final String TRACE = TraceParent.newRoot().toString();

    private final ListingRules rules = new ListingRules(Taxonomy.standard(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final Map<Long, SellerRow> sellers = Map.of(7L, new SellerRow(7, "Ana  Shoes", 4.8, "Porto"));

    @Test
    void shouldEmitEnrichedListing() {
        ListingEvent event = emitted(rules.process(ListingJson.encode(created(listed(42), 10)), sellers::get, TRACE));
        assertThat(event.sellerName()).isEqualTo("Ana Shoes");
        assertThat(event.sellerRating()).isEqualTo(4.8);
        assertThat(event.processedAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(event.traceparent()).isEqualTo(TRACE);
    }

    @Test
    void shouldEmitListingOfUnknownSellerWithoutName() {
        ListingEvent event = emitted(rules.process(ListingJson.encode(created(listed(42), 10)), id -> null, TRACE));
        assertThat(event.sellerId()).isEqualTo(7L);
        assertThat(event.sellerName()).isNull();
        assertThat(event.sellerRating()).isNull();
    }

    @Test
    void shouldIgnoreNonListing() {
        assertThat(rules.process(ListingJson.encode(created(row(42, "DRAFT"), 10)), sellers::get, TRACE))
                .isInstanceOf(Outcome.Ignore.class);
    }

    @Test
    void shouldRejectUnparseableBytesWithCodecReason() {
        Outcome<ListingEvent> outcome = rules.process("{not json".getBytes(StandardCharsets.UTF_8), sellers::get, TRACE);
        assertThat(((Outcome.Reject<ListingEvent>) outcome).reason()).startsWith("invalid ItemChange: ");
    }

    @Test
    void shouldRejectEmptyBytes() {
        Outcome<ListingEvent> outcome = rules.process(new byte[0], sellers::get, TRACE);
        assertThat(((Outcome.Reject<ListingEvent>) outcome).reason()).isEqualTo("empty ItemChange");
    }

    private static ListingEvent emitted(Outcome<ListingEvent> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Emit.class);
        return ((Outcome.Emit<ListingEvent>) outcome).value();
    }
}
