package dev.listcast.edge.source;

import java.util.Map;

/** Receives what a {@link ListingSource} reads, always on the source's own thread. */
public interface SourceListener {
    /**
     * Partitions were added to the source; {@code startPositions} are the offsets it reads from next, so
     * everything from there on will be delivered through {@link #onRecord}.
     */
    void onAssigned(Map<String, Long> startPositions);

    void onRecord(SourcedRecord record);
}
