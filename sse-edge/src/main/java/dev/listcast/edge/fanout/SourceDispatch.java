package dev.listcast.edge.fanout;

import dev.listcast.edge.observe.EdgeMetrics;
import dev.listcast.edge.source.SourceListener;
import dev.listcast.edge.source.SourcedRecord;
import dev.listcast.events.ListingCodecException;
import dev.listcast.telemetry.SpanShipper;
import io.opentelemetry.api.trace.SpanKind;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Feeds the fan-out from the source's thread: encode once, publish; a bad record is counted and skipped. Records
 * each listing's {@code fan-out} span: from its log time on the bus to every matching subscriber holding it.
 */
public final class SourceDispatch implements SourceListener {
    private static final System.Logger LOG = System.getLogger(SourceDispatch.class.getName());

    private final FanOut fanOut;
    private final EdgeMetrics metrics;
    private final SpanShipper spans;

    public SourceDispatch(FanOut fanOut, EdgeMetrics metrics, SpanShipper spans) {
        this.fanOut = fanOut;
        this.metrics = metrics;
        this.spans = spans;
    }

    @Override
    public void onAssigned(Map<String, Long> startPositions) {
        fanOut.assigned(startPositions);
    }

    @Override
    public void onRecord(SourcedRecord record) {
        EdgeEvent event;
        try {
            event = EdgeEvents.encode(record, System.currentTimeMillis());
        } catch (ListingCodecException e) {
            metrics.dropped();
            LOG.log(Level.WARNING, "skipped " + record.partition() + "@" + record.offset() + ": " + e.getMessage());
            return;
        }
        int delivered;
        try {
            delivered = fanOut.publish(event);
        } catch (RuntimeException e) {
            // A bug of ours must cost this one event, not the rest of the source's batch nor its reading thread.
            metrics.dropped();
            LOG.log(Level.ERROR, "failed to fan out " + record.partition() + "@" + record.offset(), e);
            return;
        }
        spans.record("fan-out", SpanKind.CONSUMER, event.trace(), event.upstream(), record.timestamp() * 1_000_000,
                SpanShipper.nowNanos(), Map.of("listcast.event.id", event.eventId(),
                        "messaging.destination.name", event.partition(), "listcast.deliveries", delivered));
    }
}
