package dev.listcast.processor.kafka;

import dev.listcast.events.ListingEvent;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import dev.listcast.processor.listing.ListingRules;
import dev.listcast.telemetry.SpanShipper;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns a deduped draft and its seller into the listing event, continuing the trace, and records this stage's
 * span: from the change entering the bus (the input record's timestamp) to the event being emitted.
 */
final class ListingEmitter implements FixedKeyProcessor<String, Enrichment, ListingEvent> {
    private final ListingRules rules;
    private final SpanShipper spans;
    private FixedKeyProcessorContext<String, ListingEvent> context;

    ListingEmitter(ListingRules rules, SpanShipper spans) {
        this.rules = rules;
        this.spans = spans;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ListingEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Enrichment> record) {
        Optional<TraceParent> parent = TraceHeaders.incoming(record.headers());
        TraceParent self = parent.map(TraceParent::child).orElseGet(TraceParent::newRoot);
        ListingEvent event = rules.enrich(record.value().draft(), record.value().sellerRow(), self.toString());
        context.forward(record.withValue(event).withHeaders(TraceHeaders.with(record.headers(), self.toString())));
        spans.record("process", SpanKind.CONSUMER, self, parent.orElse(null), record.timestamp() * 1_000_000,
                event.processedAt() * 1_000_000, Map.of("messaging.destination.name", Topics.listings(event.category()),
                        "listcast.event.id", event.eventId(), "listcast.item.id", event.itemId()));
    }
}
