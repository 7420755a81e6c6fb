package dev.listcast.processor.kafka;

import dev.listcast.events.ListingEvent;
import dev.listcast.processor.listing.ListingRules;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Completes a joined draft into a {@link ListingEvent}. A processor rather than a join's value mapper because the
 * event carries the trace context: the incoming header's child becomes both the event's field and its header.
 */
final class ListingEmitter implements FixedKeyProcessor<String, Enrichment, ListingEvent> {
    private final ListingRules rules;
    private FixedKeyProcessorContext<String, ListingEvent> context;

    ListingEmitter(ListingRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ListingEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Enrichment> record) {
        String traceparent = TraceHeaders.childOf(record.headers());
        ListingEvent event = rules.enrich(record.value().draft(), record.value().sellerRow(), traceparent);
        context.forward(record.withValue(event).withHeaders(TraceHeaders.with(record.headers(), traceparent)));
    }
}
