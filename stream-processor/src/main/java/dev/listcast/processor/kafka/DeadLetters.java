package dev.listcast.processor.kafka;

import dev.listcast.events.DeadLetter;
import dev.listcast.events.Topics;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Wraps a rejected item change record into a {@link DeadLetter}: reason, source topic, key and original bytes. */
final class DeadLetters implements FixedKeyProcessor<String, Assessed, DeadLetter> {
    private final Clock clock;
    private FixedKeyProcessorContext<String, DeadLetter> context;

    DeadLetters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DeadLetter> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Assessed> record) {
        DeadLetter letter = new DeadLetter(record.value().reason(), Topics.ITEM_CHANGES, record.key(),
                record.value().original(), clock.millis());
        String traceparent = TraceHeaders.childOf(record.headers());
        context.forward(record.withValue(letter).withHeaders(TraceHeaders.with(record.headers(), traceparent)));
    }
}
