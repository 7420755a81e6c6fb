package dev.listcast.edge;

import static dev.listcast.edge.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgePingTest {
    @Test
    void shouldSendANamedPingEventAtTheConfiguredInterval() throws Exception {
        Edge edge = TestEdges.start(Map.of("listcast.stream.ping.millis", "200",
                "listcast.stream.retry.millis", "1500"));
        try (SseClient client = SseClient.open(edge.streamPort(), "/api/listings/stream", "Authorization",
                bearer(TestEdges.token("pinged")))) {
            assertThat(client.next(Duration.ofSeconds(10)).retry()).isBetween(1500L, 3000L);

            List<SseClient.Frame> frames = client.until("ping", Duration.ofSeconds(10));

            assertThat(frames).isNotNull();
            assertThat(Json.MAPPER.readTree(frames.getLast().data()).get("at").asLong()).isPositive();
            assertThat(frames.getLast().id()).isNull();
        } finally {
            edge.stop();
        }
    }

    @Test
    void shouldSkipPingsOfAStreamThatGetsListingsButPingAQuietOne() throws Exception {
        TestListings.createTopics("books");
        Edge edge = TestEdges.start(Map.of("listcast.stream.ping.millis", "2000"));
        String kw = TestEdges.unique();
        Duration wait = Duration.ofSeconds(10);
        try (SseClient busy = TestEdges.stream(edge.streamPort(), TestEdges.unique(), "q=" + kw, wait);
                SseClient quiet = TestEdges.stream(edge.streamPort(), TestEdges.unique(), "q=" + TestEdges.unique(),
                        wait)) {
            int count = 40;
            for (int i = 0; i < count; i++) {
                TestListings.produce(TestListings.listing("books", kw + " " + i, "", 100));
                Thread.sleep(100);
            }

            List<SseClient.Frame> busyFrames = busy.during(Duration.ofMillis(500));

            assertThat(busyFrames).extracting(SseClient.Frame::event).containsOnly("listing").hasSize(count);
            assertThat(quiet.during(Duration.ZERO)).extracting(SseClient.Frame::event).contains("ping");
        } finally {
            edge.stop();
        }
    }
}
