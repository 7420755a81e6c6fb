package dev.listcast.edge;

import static dev.listcast.edge.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listcast.edge.auth.DevTokens;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.TraceParent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stream end to end: a real broker, a real edge on port 0, a real HTTP client. */
class EdgeStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    static final EdgeExtension EDGE = EdgeExtension.withTopics("sneakers", "consoles", "books");

    @Test
    void shouldStartWithRetryAndSendListingsWithIdAndEdgeAt() throws Exception {
        String kw = TestEdges.unique();
        try (SseClient client = EDGE.stream(TestEdges.unique(), "q=" + kw)) {
            ListingEvent event = TestListings.listing("sneakers", "Air Jordan " + kw, "red", 12_900);
            TestListings.produce(event);

            SseClient.Frame frame = client.listings(1, WAIT).getFirst();

            assertThat(frame.event()).isEqualTo("listing");
            assertThat(frame.id()).endsWith("-" + event.eventId());
            JsonNode data = Json.MAPPER.readTree(frame.data());
            assertThat(data.get("eventId").asText()).isEqualTo(event.eventId());
            assertThat(data.get("edgeAt").asLong()).isGreaterThanOrEqualTo(event.processedAt());
            // The edge's own span continues the listing's trace; the browser's render span becomes its child.
            TraceParent sent = TraceParent.parse(event.traceparent()).orElseThrow();
            TraceParent delivered = TraceParent.parse(data.get("traceparent").asText()).orElseThrow();
            assertThat(delivered.traceId()).isEqualTo(sent.traceId());
            assertThat(delivered.spanId()).isNotEqualTo(sent.spanId());
        }
    }

    @Test
    void shouldFilterByCategoryKeywordAndPrice() throws Exception {
        String kw = TestEdges.unique();
        try (SseClient client = EDGE.stream(TestEdges.unique(), "categories=sneakers,books&q=" + kw.toUpperCase()
                + "&minPrice=1000&maxPrice=5000")) {
            ListingEvent wrongCategory = TestListings.listing("consoles", "Switch " + kw, null, 2_000);
            ListingEvent tooCheap = TestListings.listing("sneakers", "Vans " + kw, null, 999);
            ListingEvent tooDear = TestListings.listing("sneakers", "Yeezy " + kw, null, 5_001);
            ListingEvent noKeyword = TestListings.listing("books", "Dune", "a novel", 2_000);
            ListingEvent inDescription = TestListings.listing("books", "Dune", "signed " + kw, 2_000);
            ListingEvent inTitle = TestListings.listing("sneakers", "Samba " + kw, null, 5_000);
            TestListings.produce(wrongCategory, tooCheap, tooDear, noKeyword, inDescription, inTitle);

            List<SseClient.Frame> frames = client.listings(2, WAIT);

            assertThat(frames).extracting(SseClient.Frame::id)
                    .containsExactlyInAnyOrder(id(frames, inDescription), id(frames, inTitle));
            assertThat(client.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void shouldPickUpACategoryTopicCreatedAfterTheEdgeStarted() throws Exception {
        String category = "new-" + TestEdges.unique();
        String kw = TestEdges.unique();
        try (SseClient client = EDGE.stream(TestEdges.unique(), "q=" + kw)) {
            TestListings.createTopics(category);
            // Produced before the edge's next look at the topics: read from the new topic's beginning, not lost.
            ListingEvent first = TestListings.listing(category, "Bonsai " + kw, null, 4_000);
            TestListings.produce(first);

            assertThat(client.listings(1, WAIT).getFirst().id()).endsWith("-" + first.eventId());
        }
    }

    private static String id(List<SseClient.Frame> frames, ListingEvent event) {
        return frames.stream().map(SseClient.Frame::id).filter(i -> i.endsWith("-" + event.eventId())).findFirst()
                .orElse("missing " + event.eventId());
    }

    @Test
    void shouldLimitRestrictedUserToClaimedCategoriesWhenNoneRequested() throws Exception {
        String kw = TestEdges.unique();
        String token = DevTokens.mint(TestEdges.SECRET, TestEdges.ISSUER, TestEdges.AUDIENCE, TestEdges.unique(), "Grace",
                List.of("sneakers"), Duration.ofMinutes(5));
        try (SseClient client = SseClient.open(EDGE.streamPort(), "/api/listings/stream?q=" + kw,
                "Authorization", bearer(token))) {
            client.next(WAIT);
            ListingEvent book = TestListings.listing("books", "Book " + kw, null, 100);
            ListingEvent shoe = TestListings.listing("sneakers", "Shoe " + kw, null, 100);
            TestListings.produce(book, shoe);

            assertThat(client.listings(1, WAIT).getFirst().id()).endsWith(shoe.eventId());
            assertThat(client.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void shouldSendResetForGarbageResumeIdThenGoLive() throws Exception {
        String kw = TestEdges.unique();
        try (SseClient client = SseClient.open(EDGE.streamPort(), "/api/listings/stream?q=" + kw, "Authorization",
                bearer(TestEdges.token(TestEdges.unique())), "Last-Event-ID", "not-an-id")) {
            client.next(WAIT);
            assertThat(client.next(WAIT).event()).isEqualTo("reset");
            ListingEvent live = TestListings.listing("sneakers", "Live " + kw, null, 100);
            TestListings.produce(live);

            assertThat(client.listings(1, WAIT).getFirst().id()).endsWith(live.eventId());
        }
    }

    @Test
    void shouldResendOnlyWhatFollowsTheLastEventIdFromMemory() throws Exception {
        String kw = TestEdges.unique();
        ListingEvent seen = TestListings.listing("sneakers", "Seen " + kw, null, 100);
        ListingEvent missed1 = TestListings.listing("sneakers", "Missed " + kw, null, 100);
        ListingEvent missed2 = TestListings.listing("sneakers", "Missed too " + kw, null, 100);
        String lastId;
        try (SseClient client = EDGE.stream(TestEdges.unique(), "q=" + kw)) {
            TestListings.produce(seen);
            lastId = client.listings(1, WAIT).getFirst().id();
        }
        TestListings.produce(missed1, missed2);
        Thread.sleep(200); // let the edge take them in before we reconnect; the resume must come from its memory

        try (SseClient client = SseClient.open(EDGE.streamPort(),
                "/api/listings/stream?q=" + kw + "&lastEventId=" + lastId,
                "Authorization", bearer(TestEdges.token(TestEdges.unique())))) {
            client.next(WAIT);
            assertThat(client.listings(2, WAIT)).extracting(SseClient.Frame::id)
                    .allMatch(id -> id.endsWith(missed1.eventId()) || id.endsWith(missed2.eventId()))
                    .hasSize(2);
            assertThat(client.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void shouldReplaceOldestStreamOverTheUserCap() throws Exception {
        String user = TestEdges.unique();
        SseClient oldest = EDGE.stream(user, "");
        SseClient second = EDGE.stream(user, "");
        SseClient third = EDGE.stream(user, "");
        try (SseClient fourth = EDGE.stream(user, "")) {
            List<SseClient.Frame> frames = oldest.until("replaced", WAIT);

            assertThat(frames).isNotNull();
            assertThat(second.next(Duration.ofMillis(200))).isNull();
        } finally {
            oldest.close();
            second.close();
            third.close();
        }
    }

    @Test
    void shouldEndStreamWithAuthExpiredWhenTheTokenExpires() throws Exception {
        String token = DevTokens.mint(TestEdges.SECRET, TestEdges.ISSUER, TestEdges.AUDIENCE, TestEdges.unique(), "Short",
                null, Duration.ofSeconds(2));
        try (SseClient client = SseClient.open(EDGE.streamPort(), "/api/listings/stream",
                "Authorization", bearer(token))) {
            List<SseClient.Frame> frames = client.until("auth-expired", WAIT);

            assertThat(frames).isNotNull();
            assertThat(Json.MAPPER.readTree(frames.getLast().data()).get("reason").asText()).contains("expired");
        }
    }

    @Test
    void shouldNotLetAStalledClientDelayAHealthyOne() throws Exception {
        String kw = TestEdges.unique();
        String user = TestEdges.unique();
        String description = kw + " " + "x".repeat(4_000);
        try (Socket stalled = new Socket();
                SseClient healthy = EDGE.stream(TestEdges.unique(), "q=" + kw)) {
            stalled.setReceiveBufferSize(4_096);
            stalled.connect(new InetSocketAddress("127.0.0.1", EDGE.streamPort()));
            OutputStream request = stalled.getOutputStream();
            request.write(("GET /api/listings/stream?q=" + kw + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: " + bearer(TestEdges.token(user)) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            awaitConnections(2);
            int count = 300;
            for (int i = 0; i < count; i++) {
                TestListings.produce(TestListings.listing("books", "Stall " + i, description, 100));
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (Http.metric(EDGE.port(), "listcast_edge_overflow_cuts_total") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // Read the cut stream at once, within the grace its final frame gets: it must end with that frame,
            // after whole frames only.
            stalled.setSoTimeout((int) WAIT.toMillis());
            String cut = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(healthy.listings(count, Duration.ofSeconds(30))).hasSize(count);
            assertThat(cut).startsWith("HTTP/1.1 200").endsWith("\n\n");
            String[] frames = cut.substring(cut.indexOf("\r\n\r\n") + 4).split("\n\n");
            assertThat(frames[frames.length - 1]).startsWith("event: overflow\ndata: {\"reason\":");
            for (int i = 1; i < frames.length - 1; i++) {
                assertThat(frames[i]).startsWith("event: listing\nid: ").contains("\"title\":\"Stall " + (i - 1) + "\"")
                        .endsWith("}");
            }
        }
    }

    private static void awaitConnections(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (EDGE.connections() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
