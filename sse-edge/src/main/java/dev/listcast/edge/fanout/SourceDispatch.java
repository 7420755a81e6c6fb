package dev.listcast.edge.fanout;

import dev.listcast.edge.observe.EdgeMetrics;
import dev.listcast.edge.source.SourceListener;
import dev.listcast.edge.source.SourcedRecord;
import dev.listcast.events.ListingCodecException;
import java.lang.System.Logger.Level;
import java.util.Map;

/** Feeds the fan-out from the source's thread: encode once, publish; a bad record is counted and skipped. */
public final class SourceDispatch implements SourceListener {
    private static final System.Logger LOG = System.getLogger(SourceDispatch.class.getName());

    private final FanOut fanOut;
    private final EdgeMetrics metrics;

    public SourceDispatch(FanOut fanOut, EdgeMetrics metrics) {
        this.fanOut = fanOut;
        this.metrics = metrics;
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
        fanOut.publish(event);
    }
}
