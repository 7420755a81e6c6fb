package dev.listcast.edge.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.edge.source.SourcedRecord;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.TraceParent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EdgeEventsTest {
    @Test
    void shouldEncodeOneFrameWithEventNameIdAndDataIncludingEdgeAt() {
        EdgeEvent event = TestEvents.event("listings.sneakers-0", 41, 1_000);

        String frame = new String(event.frame(), StandardCharsets.UTF_8);

        assertThat(frame).startsWith("event: listing\nid: 1000-42@listings.sneakers-0:41\ndata: {")
                .endsWith(",\"edgeAt\":1001}\n\n");
        assertThat(new String(event.json(), StandardCharsets.UTF_8)).doesNotContain("\n");
        assertThat(event.searchText()).isEqualTo("air jordan\n");
    }

    @Test
    void shouldGiveALiveEventAContextOfTheEdgesOwnAndAReplayedOneTheStoredContext() {
        TraceParent stored = TraceParent.newRoot();
        ListingEvent listing = TestEvents.listing("listings.sneakers-0", 41, 1_000, "sneakers", "Air Jordan", null,
                12_900).withTraceparent(stored.toString());
        SourcedRecord record = new SourcedRecord("listings.sneakers-0", 41, 1_000, ListingJson.encode(listing));

        EdgeEvent live = EdgeEvents.encode(record, 1_001);
        EdgeEvent replayed = EdgeEvents.replayed(record, 1_001);

        assertThat(live.upstream()).isEqualTo(stored);
        assertThat(live.trace().traceId()).isEqualTo(stored.traceId());
        assertThat(live.trace().spanId()).isNotEqualTo(stored.spanId());
        assertThat(new String(live.json(), StandardCharsets.UTF_8)).contains(live.trace().toString());
        assertThat(replayed.trace()).isEqualTo(stored);
        assertThat(new String(replayed.json(), StandardCharsets.UTF_8)).contains(stored.toString());
    }
}
