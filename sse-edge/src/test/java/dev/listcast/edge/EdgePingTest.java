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
            assertThat(client.next(Duration.ofSeconds(10)).retry()).isEqualTo(1500L);

            List<SseClient.Frame> frames = client.until("ping", Duration.ofSeconds(10));

            assertThat(frames).isNotNull();
            assertThat(Json.MAPPER.readTree(frames.getLast().data()).get("at").asLong()).isPositive();
            assertThat(frames.getLast().id()).isNull();
        } finally {
            edge.stop();
        }
    }
}
