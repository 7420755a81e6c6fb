package dev.listcast.edge;

import static dev.listcast.edge.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listcast.edge.fanout.ResumeId;
import dev.listcast.events.ListingEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resume through history that interleaves two partitions: listings alternate between two topics, all logged before
 * the edge started, so every resume is answered from Kafka. Kafka hands a replay over partition by partition; a client
 * taking it one event at a time (a poll page of one, a stream cut after each event) must still get every listing.
 * The overlap is 0 so the history spans more than the overlap without waiting seconds.
 */
class EdgeResumeOrderTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int STEPS = 30;

    private static String kw;
    private static String before;
    private static List<String> eventIds;
    private static Edge edge;

    @BeforeAll
    static void logHistoryThenStartEdge() {
        TestListings.createTopics("bikes", "watches");
        kw = "order" + UUID.randomUUID().toString().substring(0, 8);
        before = ResumeId.at(System.currentTimeMillis() - 1).toString();
        eventIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (String category : List.of("bikes", "watches")) {
                ListingEvent listing = TestListings.listing(category, category + " " + i + " " + kw, null, 100);
                TestListings.produce(listing);
                eventIds.add(listing.eventId());
                nextMillisecond();
            }
        }
        edge = TestEdges.start(Map.of("listcast.resume.overlap.millis", "0"));
    }

    @AfterAll
    static void stopEdge() {
        edge.stop();
    }

    /** Log-append times have millisecond precision: give each listing its own. */
    private static void nextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() == now) {
            Thread.onSpinWait();
        }
    }

    @Test
    void shouldDeliverEveryListingToAPollerPagingOneAtATime() {
        String auth = bearer(TestEdges.token("pager"));
        Set<String> received = new LinkedHashSet<>();
        String after = before;
        for (int step = 0; step < STEPS && received.size() < eventIds.size(); step++) {
            JsonNode page = Http.json(Http.get(edge.port(), "/api/listings?limit=1&q=" + kw + "&after="
                    + URLEncoder.encode(after, StandardCharsets.UTF_8), "Authorization", auth));
            page.path("items").forEach(item -> received.add(item.path("eventId").asText()));
            after = page.path("lastId").asText();
        }

        assertThat(received).containsExactlyInAnyOrderElementsOf(eventIds);
    }

    @Test
    void shouldDeliverEveryListingToAStreamCutAfterEachEvent() throws InterruptedException {
        String auth = bearer(TestEdges.token("reconnector"));
        Set<String> received = new LinkedHashSet<>();
        String lastEventId = before;
        for (int step = 0; step < STEPS && received.size() < eventIds.size(); step++) {
            try (SseClient client = SseClient.open(edge.streamPort(), "/api/listings/stream?q=" + kw, "Authorization", auth,
                    "Last-Event-ID", lastEventId)) {
                List<SseClient.Frame> first = client.listings(1, WAIT);
                assertThat(first).hasSize(1);
                lastEventId = first.getFirst().id();
                received.add(lastEventId.substring(lastEventId.indexOf('-') + 1));
            }
        }

        assertThat(received).containsExactlyInAnyOrderElementsOf(eventIds);
    }
}
