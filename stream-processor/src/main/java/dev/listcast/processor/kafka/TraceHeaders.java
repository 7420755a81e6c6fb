package dev.listcast.processor.kafka;

import dev.listcast.events.TraceParent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Continues the trace of an incoming record on the record a processor sends on. */
final class TraceHeaders {
    private TraceHeaders() {
    }

    /** The incoming {@code traceparent}; empty when missing or malformed. */
    static Optional<TraceParent> incoming(Headers incoming) {
        Header header = incoming.lastHeader(TraceParent.HEADER);
        return header == null || header.value() == null ? Optional.empty()
                : TraceParent.parse(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** A child of the incoming {@code traceparent} (a new root when missing or malformed). */
    static String childOf(Headers incoming) {
        return incoming(incoming).map(TraceParent::child).orElseGet(TraceParent::newRoot).toString();
    }

    /**
     * A copy of {@code incoming} whose {@code traceparent} is {@code traceparent}: a copy, because Kafka Streams
     * may share one headers object between the records derived from one input record.
     */
    static Headers with(Headers incoming, String traceparent) {
        Headers headers = new RecordHeaders(incoming.toArray());
        headers.remove(TraceParent.HEADER);
        headers.add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
