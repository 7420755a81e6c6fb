package dev.listcast.edge;

import static dev.listcast.edge.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeCeilingTest {
    @Test
    void shouldAnswer503UntilTheSourceReadsItsPartitions() throws Exception {
        // Nothing listens on port 1: the edge serves HTTP but never gets to read a listing.
        Map<String, String> settings = TestEdges.settings();
        settings.put("listcast.kafka.bootstrap", "127.0.0.1:1");
        Edge edge = Edge.start(Config.just(ConfigSources.create(settings)));
        try {
            HttpResponse<String> stream = Http.get(edge.streamPort(), "/api/listings/stream",
                    "Authorization", bearer(TestEdges.token("early")));
            HttpResponse<String> poll = Http.get(edge.port(), "/api/listings?after=" + System.currentTimeMillis() + "-",
                    "Authorization", bearer(TestEdges.token("early")));

            assertThat(stream.statusCode()).isEqualTo(503);
            assertThat(Http.json(stream).get("reason").asText())
                    .isEqualTo("this edge is still connecting to its listing source");
            assertThat(stream.headers().firstValue("Retry-After")).isPresent();
            assertThat(poll.statusCode()).isEqualTo(503);
            assertThat(Http.get(edge.port(), "/observe/health").statusCode()).isEqualTo(503);
        } finally {
            edge.stop();
        }
    }

    @Test
    void shouldAnswer503WithJitteredRetryAfterAtTheConnectionCeiling() throws Exception {
        Edge edge = TestEdges.start(Map.of("listcast.stream.max.connections", "1",
                "listcast.stream.retryafter.seconds", "5"));
        try (SseClient open = SseClient.open(edge.streamPort(), "/api/listings/stream", "Authorization",
                bearer(TestEdges.token("first")))) {
            open.next(Duration.ofSeconds(10));

            HttpResponse<String> refused = Http.get(edge.streamPort(), "/api/listings/stream",
                    "Authorization", bearer(TestEdges.token("second")));

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Http.json(refused).get("error").asText()).isEqualTo("overloaded");
            assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(5, 10);
            assertThat(Http.get(edge.port(), "/observe/health").statusCode()).isEqualTo(200);
        } finally {
            edge.stop();
        }
    }
}
