package dev.listcast.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.edge.auth.DevTokens;
import dev.listcast.embedded.SharedInfra;
import dev.listcast.events.ListingEvent;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Edges on port 0 against the shared broker, configured the way devstack does it: from a map. */
final class TestEdges {
    static final String SECRET = "test-secret-that-is-at-least-32-bytes-long";
    static final String ISSUER = "listcast-dev";
    static final String AUDIENCE = "listcast";

    private TestEdges() {
    }

    static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("server.host", "127.0.0.1");
        settings.put("listcast.stream.port", "0");
        settings.put("listcast.kafka.bootstrap", SharedInfra.kafka().bootstrapServers());
        settings.put("listcast.kafka.refresh.millis", "500");
        settings.put("listcast.auth.hs256.secret", SECRET);
        settings.put("listcast.auth.dev.issuer", "true");
        settings.put("listcast.auth.skew.seconds", "0");
        settings.put("listcast.stream.queue.capacity", "64");
        return settings;
    }

    static Edge start(Map<String, String> overrides) {
        Map<String, String> settings = settings();
        settings.putAll(overrides);
        Edge edge = Edge.start(Config.just(ConfigSources.create(settings)));
        try {
            if (!edge.awaitReady(Duration.ofSeconds(20))) {
                edge.stop();
                throw new IllegalStateException("edge not ready");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return edge;
    }

    static String token(String subject) {
        return DevTokens.mint(SECRET, ISSUER, AUDIENCE, subject, Duration.ofMinutes(10));
    }

    /** A name no other test uses: a subject (the per-user cap counts streams per subject) or a keyword. */
    static String unique() {
        return "kw" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens a stream as {@code user} and checks the 200 and the leading {@code retry:} frame. */
    static SseClient stream(int streamPort, String user, String query, Duration wait) throws InterruptedException {
        SseClient client = SseClient.open(streamPort, "/api/listings/stream?" + query,
                "Authorization", Http.bearer(token(user)));
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.next(wait).retry()).isNotNull();
        return client;
    }

    /**
     * Resumes from {@code lastId} on {@code edge} (then stops it) and checks the client gets exactly {@code missed},
     * in order, and nothing after: no gap, no repeat of what the id proves was seen.
     */
    static void assertResumesWithExactly(Edge edge, String auth, String keyword, String lastId,
            List<ListingEvent> missed, Duration wait) throws InterruptedException {
        try (SseClient client = SseClient.open(edge.streamPort(), "/api/listings/stream?q=" + keyword,
                "Authorization", auth, "Last-Event-ID", lastId)) {
            client.next(wait);
            List<SseClient.Frame> replayed = client.listings(missed.size(), wait);

            assertThat(replayed).extracting(f -> f.id().substring(f.id().indexOf('-') + 1))
                    .containsExactlyElementsOf(missed.stream().map(ListingEvent::eventId).toList());
            assertThat(client.next(Duration.ofMillis(500))).isNull();
        } finally {
            edge.stop();
        }
    }
}
