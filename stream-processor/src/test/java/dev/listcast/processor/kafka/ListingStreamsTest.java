package dev.listcast.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.ChangeOp;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.SellerChange;
import dev.listcast.events.SellerRow;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import dev.listcast.processor.listing.ItemChanges;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingStreamsTest {
    private static final long ITEM = 1_000_001L;
    private static final long SELLER = 1_000_007L;

    @TempDir
    Path stateDir;

    @Test
    void shouldDeliverEnrichedListingThroughRunningProcessor() throws Exception {
        Broker.ensureTopics();
        TraceParent trace = TraceParent.newRoot();
        try (KafkaProducer<String, byte[]> producer = Broker.producer()) {
            producer.send(new ProducerRecord<>(Topics.SELLER_CHANGES, Long.toString(SELLER), ListingJson.encode(
                    new SellerChange(ChangeOp.CREATE, SELLER, new SellerRow(SELLER, "Ana Shoes", 4.8, "Porto"),
                            ItemChanges.position(1), 0, 0)))).get();
            ProducerRecord<String, byte[]> listing = new ProducerRecord<>(Topics.ITEM_CHANGES, Long.toString(ITEM),
                    ListingJson.encode(ItemChanges.created(
                            ItemChanges.withSeller(ItemChanges.listed(ITEM), SELLER), 1)));
            listing.headers().add(TraceParent.HEADER, trace.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(listing).get();
        }

        try (ListingStreams streams = ListingStreams.start(Broker.settings("listing-streams-test", stateDir))) {
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);

            List<ListingEvent> events = Broker.readListings(Set.of(ITEM), Duration.ofSeconds(60));

            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.category()).isEqualTo("sneakers");
                assertThat(event.sellerName()).isEqualTo("Ana Shoes");
                assertThat(TraceParent.parse(event.traceparent()).orElseThrow().traceId()).isEqualTo(trace.traceId());
            });
        }
    }
}
