package dev.listcast.edge;

import static dev.listcast.edge.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.embedded.RedisTestDatabase;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The edge on the Redis Streams bus ({@code listcast.bus=redis}) against the real Redis server: live listings from
 * streams present at start and found later, junk skipped, and resume from Redis history on a new edge.
 */
class EdgeRedisSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    static final RedisTestDatabase redis = RedisTestDatabase.open(11);

    private static Edge startEdge() {
        return TestEdges.start(Map.of("listcast.bus", "redis", "listcast.redis.url", redis.url(),
                "listcast.redis.refresh.millis", "200"));
    }

    /** As the Redis bus writes listings: one entry with fields key, value and traceparent. */
    private static void add(ListingEvent event) {
        add(Topics.listings(event.category()), ListingJson.encode(event), event.traceparent());
    }

    private static void add(String stream, byte[] value, String traceparent) {
        Map<byte[], byte[]> fields = new LinkedHashMap<>();
        fields.put(bytes("key"), bytes("k"));
        fields.put(bytes("value"), value);
        fields.put(bytes("traceparent"), bytes(traceparent));
        redis.connection().sync().xadd(bytes(stream), fields);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldStreamNewEntriesOfOldAndNewStreamsAndSkipJunk() throws Exception {
        String kw = TestEdges.unique();
        add(TestListings.listing("books", "Before the edge " + kw, "", 100));
        Edge edge = startEdge();
        try (SseClient client = TestEdges.stream(edge.streamPort(), TestEdges.unique(), "q=" + kw, WAIT)) {
            add("listings.books", bytes("hello"), "00-00000000000000000000000000000001-0000000000000001-01");
            ListingEvent book = TestListings.listing("books", "Dune " + kw, "", 900);
            ListingEvent console = TestListings.listing("consoles", "Switch " + kw, "", 25_000);
            add(book);
            add(console);

            List<SseClient.Frame> frames = client.listings(2, WAIT);

            assertThat(frames).extracting(f -> Json.MAPPER.readTree(f.data()).get("title").asText())
                    .containsExactly("Dune " + kw, "Switch " + kw);
            assertThat(frames.getFirst().id()).endsWith("-" + book.eventId());
            assertThat(Http.metric(edge.port(), "listcast_edge_drops_total")).isGreaterThanOrEqualTo(1);
            assertThat(client.next(Duration.ofMillis(300))).isNull();
        } finally {
            edge.stop();
        }
    }

    @Test
    void shouldResumeOnANewEdgeFromRedisHistory() throws Exception {
        String kw = TestEdges.unique();
        String auth = bearer(TestEdges.token(TestEdges.unique()));
        add(TestListings.listing("cameras", "Old " + kw, "", 100));
        String lastId;
        Edge first = startEdge();
        try (SseClient client = SseClient.open(first.streamPort(), "/api/listings/stream?q=" + kw,
                "Authorization", auth)) {
            client.next(WAIT);
            add(TestListings.listing("cameras", "Leica " + kw, "", 100));
            lastId = client.listings(1, WAIT).getLast().id();
        } finally {
            first.stop();
        }
        List<ListingEvent> missed = List.of(TestListings.listing("cameras", "Canon " + kw, "", 100),
                TestListings.listing("cameras", "Sony " + kw, "", 100));
        missed.forEach(EdgeRedisSourceTest::add);

        TestEdges.assertResumesWithExactly(startEdge(), auth, kw, lastId, missed, WAIT);
    }
}
