package dev.listcast.edge;

import static dev.listcast.edge.Http.bearer;

import dev.listcast.events.ListingEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Resume across edges: what one edge's client missed while no edge ran comes from Kafka on the next. */
class EdgeRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void shouldResumeOnANewEdgeWithExactlyTheMissedEvents() throws Exception {
        TestListings.createTopics("cameras");
        String kw = "restart" + UUID.randomUUID().toString().substring(0, 8);
        String auth = bearer(TestEdges.token("restarter"));
        List<ListingEvent> seen = List.of(TestListings.listing("cameras", "Leica " + kw, null, 100),
                TestListings.listing("cameras", "Nikon " + kw, null, 100));
        List<ListingEvent> missed = List.of(TestListings.listing("cameras", "Canon " + kw, null, 100),
                TestListings.listing("cameras", "Sony " + kw, null, 100),
                TestListings.listing("cameras", "Fuji " + kw, null, 100));

        String lastId;
        Edge first = TestEdges.start(Map.of());
        try (SseClient client = SseClient.open(first.streamPort(), "/api/listings/stream?q=" + kw, "Authorization", auth)) {
            client.next(WAIT);
            TestListings.produce(seen.toArray(ListingEvent[]::new));
            lastId = client.listings(seen.size(), WAIT).getLast().id();
        } finally {
            first.stop();
        }
        TestListings.produce(missed.toArray(ListingEvent[]::new));

        TestEdges.assertResumesWithExactly(TestEdges.start(Map.of()), auth, kw, lastId, missed, WAIT);
    }
}
