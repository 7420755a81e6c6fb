package dev.listcast.edge.fanout;

import dev.listcast.events.TraceParent;
import java.util.Objects;

/**
 * A listing event as the edge holds it: encoded once, when it arrives, into the JSON clients get and the complete SSE
 * frame; every subscriber is handed the same {@link #frame()} array.
 *
 * @param resumeId the SSE {@code id:} of this event, see {@link ResumeId}
 * @param partition the source partition it was read from, see {@code SourcedRecord}
 * @param offset its position there
 * @param searchText lower-cased title and description, for keyword filters
 * @param trace this edge's context in the listing's trace, the one {@link #json()} carries to the browser
 * @param upstream the context the listing arrived with; null when it carried none or a malformed one
 * @param json the listing event JSON plus {@code edgeAt}
 * @param frame {@code event:}, {@code id:} and {@code data:} lines of the SSE frame
 */
public record EdgeEvent(
        ResumeId resumeId,
        String eventId,
        String category,
        long priceCents,
        String searchText,
        String partition,
        long offset,
        TraceParent trace,
        TraceParent upstream,
        byte[] json,
        byte[] frame) {

    public EdgeEvent {
        Objects.requireNonNull(resumeId, "resumeId == null");
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(category, "category == null");
        Objects.requireNonNull(searchText, "searchText == null");
        Objects.requireNonNull(partition, "partition == null");
        Objects.requireNonNull(trace, "trace == null");
        Objects.requireNonNull(json, "json == null");
        Objects.requireNonNull(frame, "frame == null");
    }

    public long timestamp() {
        return resumeId.timestamp();
    }
}
