package dev.listcast.edge.source;

import java.util.Map;

/** Receives what a {@link ListingSource} reads, always on the source's own thread. */
public interface SourceListener {
    /**
     * The source's first look at its partitions (even when it found none: then the edge may open), and every time
     * partitions were added later; {@code startPositions} are the offsets it reads them from next, so everything from
     * there on will be delivered through {@link #onRecord}.
     */
    void onAssigned(Map<String, Long> startPositions);

    void onRecord(SourcedRecord record);
}
