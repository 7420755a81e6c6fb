package dev.listcast.edge.fanout;

import static org.assertj.core.api.Assertions.assertThat;

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
}
