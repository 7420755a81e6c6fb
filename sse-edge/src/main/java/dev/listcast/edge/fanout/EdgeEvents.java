package dev.listcast.edge.fanout;

import dev.listcast.edge.source.SourcedRecord;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.TraceParent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns a sourced record into an {@link EdgeEvent}: decoded and encoded once per event, never per subscriber. */
public final class EdgeEvents {
    private EdgeEvents() {
    }

    /**
     * Decodes a live {@code record}, continues its trace in a context of this edge's own (the one its fan-out span
     * is recorded under) and stamps it with {@code edgeAt}.
     *
     * @throws dev.listcast.events.ListingCodecException when the record is not a listing event
     */
    public static EdgeEvent encode(SourcedRecord record, long edgeAt) {
        return encode(record, edgeAt, true);
    }

    /**
     * Decodes a {@code record} read back from history for a resuming client. It keeps the context it was stored
     * with: no fan-out span is recorded for a replay, and a context of its own would leave the browser's render
     * span under a span no trace holds.
     *
     * @throws dev.listcast.events.ListingCodecException when the record is not a listing event
     */
    public static EdgeEvent replayed(SourcedRecord record, long edgeAt) {
        return encode(record, edgeAt, false);
    }

    private static EdgeEvent encode(SourcedRecord record, long edgeAt, boolean ownSpan) {
        ListingEvent event = ListingJson.listingEvent(record.value());
        TraceParent upstream = TraceParent.parse(event.traceparent()).orElse(null);
        TraceParent trace = upstream == null ? TraceParent.newRoot() : ownSpan ? upstream.child() : upstream;
        byte[] json = withEdgeAt(ListingJson.encode(event.withTraceparent(trace.toString())), edgeAt);
        ResumeId id = new ResumeId(record.timestamp(), event.eventId());
        String text = (event.title() + "\n" + (event.description() == null ? "" : event.description()))
                .toLowerCase(Locale.ROOT);
        return new EdgeEvent(id, event.eventId(), event.category(), event.priceCents(), text, record.partition(),
                record.offset(), trace, upstream, json, SseFrames.event(event.kind().wireName(), id.toString(), json));
    }

    /** Appends {@code "edgeAt"} to the codec's compact JSON object instead of re-encoding a copy of the record. */
    static byte[] withEdgeAt(byte[] json, long edgeAt) {
        byte[] tail = (",\"edgeAt\":" + edgeAt + "}").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + tail.length);
        out.write(json, 0, json.length - 1);
        out.writeBytes(tail);
        return out.toByteArray();
    }
}
