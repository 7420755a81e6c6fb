package dev.listcast.edge.fanout;

import java.util.List;
import java.util.Map;

/**
 * The edge's memory at one instant: recent events oldest first; per partition, the offset from which the memory
 * holds everything; and the log timestamp from which it holds everything in every partition.
 */
public record RingSnapshot(List<EdgeEvent> events, Map<String, Long> coveredFrom, long completeSince) {
    public RingSnapshot {
        events = List.copyOf(events);
        coveredFrom = Map.copyOf(coveredFrom);
    }
}
