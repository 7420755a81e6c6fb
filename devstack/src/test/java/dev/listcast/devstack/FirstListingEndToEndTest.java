package dev.listcast.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listcast.events.Settings;
import dev.listcast.events.TraceParent;
import dev.listcast.telemetry.OtlpReceiver;
import dev.listcast.telemetry.OtlpReceiver.ReceivedSpan;
import dev.listcast.telemetry.SpanShipper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thinnest real path, all real parts in one JVM: an INSERT of a LISTED item reaches a signed-in SSE
 * subscriber as a {@code listing} event carrying the item, its price, category and seller; and its trace reaches
 * an OTLP receiver, one span per stage, each the child of the one before.
 */
class FirstListingEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static DevStack stack;
    private static OtlpReceiver collector;

    @BeforeAll
    static void startDevStack() {
        collector = new OtlpReceiver();
        // Read once by each service as it starts, as OTEL_EXPORTER_OTLP_ENDPOINT would be.
        System.setProperty(SpanShipper.ENDPOINT, collector.endpoint());
        try {
            stack = DevStack.start(Settings.of(Map.of(
                    "dev.dir", dir.toString(), "edge.port", "0", "stream.port", "0", "dev.db.port", "0")));
        } finally {
            System.clearProperty(SpanShipper.ENDPOINT);
        }
    }

    @AfterAll
    static void stopDevStack() {
        if (stack != null) {
            stack.close();
        }
        collector.close();
    }

    @Test
    void shouldDescribeItselfInEndpointsJson() {
        Endpoints written = Endpoints.readFrom(dir.resolve("dev").resolve("endpoints.json"));
        assertThat(written).isEqualTo(stack.endpoints());
        assertThat(written.mariadb().database()).isEqualTo("market");
        assertThat(Files.exists(dir.resolve("dev").resolve("endpoints.json"))).isTrue();
    }

    @Test
    void shouldRefuseTheStreamWithoutAToken() throws Exception {
        HttpResponse<String> response = HTTP.send(streamRequest().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"unauthorized\"");
    }

    @Test
    void shouldDeliverAnInsertedListingToASignedInSubscriber() throws Exception {
        JsonNode listing = insertAndReceive("ada", "Air Jordan 1 Retro 'Chicago' 👟", "sneakers", 24900);

        assertThat(listing.get("title").asText()).isEqualTo("Air Jordan 1 Retro 'Chicago' 👟");
        assertThat(listing.get("priceCents").asLong()).isEqualTo(24900);
        assertThat(listing.get("category").asText()).isEqualTo("sneakers");
        assertThat(listing.get("sellerName").asText()).isEqualTo("Kicks by Kemal");
        assertThat(listing.get("kind").asText()).isEqualTo("listing");
        assertThat(listing.get("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void shouldTraceTheListingFromCommitToRender() throws Exception {
        JsonNode listing = insertAndReceive("grace", "Nintendo 64 boxed", "consoles", 18_000);
        TraceParent delivered = TraceParent.parse(listing.get("traceparent").asText()).orElseThrow();
        long receivedAt = System.currentTimeMillis();
        HttpResponse<String> reported = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.endpoints().edgeUrl() + "/api/telemetry/render"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"" + listing.get("eventId").asText()
                        + "\",\"receivedAt\":" + receivedAt + ",\"renderedAt\":" + (receivedAt + 12)
                        + ",\"renderMs\":12.5,\"traceparent\":\"" + delivered + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reported.statusCode()).isEqualTo(204);

        Map<String, ReceivedSpan> spans = collector.awaitTrace(delivered.traceId(), 4, Duration.ofSeconds(30))
                .stream().collect(Collectors.toMap(ReceivedSpan::name, span -> span));

        assertThat(spans.keySet()).containsExactlyInAnyOrder("capture", "process", "fan-out", "render");
        assertThat(spans.get("capture").parentSpanId()).isEmpty();
        assertThat(spans.get("process").parentSpanId()).isEqualTo(spans.get("capture").spanId());
        assertThat(spans.get("fan-out").parentSpanId()).isEqualTo(spans.get("process").spanId());
        assertThat(spans.get("fan-out").spanId()).isEqualTo(delivered.spanId());
        assertThat(spans.get("render").parentSpanId()).isEqualTo(delivered.spanId());
        assertThat(spans.values()).extracting(ReceivedSpan::service).containsExactlyInAnyOrder(
                "listcast-cdc-ingest", "listcast-stream-processor", "listcast-sse-edge", "listcast-web");
        assertThat(spans.get("render").endEpochNanos() - spans.get("render").startEpochNanos())
                .isEqualTo(12_500_000L);
        // the trace starts at the commit
        assertThat(spans.get("capture").startEpochNanos()).isEqualTo(listing.get("listedAt").asLong() * 1_000_000)
                .isLessThanOrEqualTo(spans.get("fan-out").endEpochNanos());
    }

    /** Opens a stream as {@code user}, inserts a LISTED item of seller 2 and answers its listing event. */
    private static JsonNode insertAndReceive(String user, String title, String category, long priceCents)
            throws Exception {
        HttpResponse<Stream<String>> response = HTTP.send(streamRequest()
                .header("Authorization", "Bearer " + TokenCommand.mint(stack.endpoints(), user)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Iterator<String> lines = response.body().iterator();
        assertThat(lines.next()).startsWith("retry:");

        long itemId = PipelineProbe.insertListedItem(stack.endpoints().mariadb().toEndpoint(), title, category,
                priceCents, 2);

        JsonNode listing = CompletableFuture.supplyAsync(() -> PipelineProbe.nextListing(lines, itemId))
                .get(60, TimeUnit.SECONDS);
        response.body().close();
        assertThat(listing.get("itemId").asLong()).isEqualTo(itemId);
        return listing;
    }

    private static HttpRequest.Builder streamRequest() {
        return HttpRequest.newBuilder(URI.create(stack.endpoints().streamUrl() + "/api/listings/stream"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(90));
    }
}
