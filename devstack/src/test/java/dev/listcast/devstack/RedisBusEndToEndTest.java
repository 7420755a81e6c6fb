package dev.listcast.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listcast.cdc.CdcIngest;
import dev.listcast.cdc.CdcSettings;
import dev.listcast.cdc.redis.RedisBusPublisher;
import dev.listcast.cdc.redis.RedisBusSettings;
import dev.listcast.edge.Edge;
import dev.listcast.edge.Main;
import dev.listcast.edge.auth.DevTokens;
import dev.listcast.embedded.DatabaseEndpoint;
import dev.listcast.embedded.RedisTestDatabase;
import dev.listcast.embedded.SharedInfra;
import dev.listcast.events.Settings;
import dev.listcast.events.TraceParent;
import dev.listcast.processor.redis.RedisListingWorkers;
import dev.listcast.processor.redis.RedisProcessorSettings;
import dev.listcast.telemetry.OtlpReceiver;
import dev.listcast.telemetry.OtlpReceiver.ReceivedSpan;
import dev.listcast.telemetry.SpanShipper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the second bus ({@code LISTCAST_BUS=redis}), all real parts: MariaDB with binlog, Debezium
 * publishing to Redis Streams, the Redis listing workers, and the edge reading Redis, each shipping its span of the
 * listing's trace to an OTLP receiver. Skipped without a Redis server.
 */
class RedisBusEndToEndTest {
    private static final String SECRET = "redis-bus-test-secret-of-at-least-32-bytes";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    @AfterEach
    void stop() throws Exception {
        System.clearProperty(SpanShipper.ENDPOINT);
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }

    @Test
    void shouldDeliverAnInsertedListingOverRedisStreams() throws Exception {
        RedisTestDatabase redis = RedisTestDatabase.open(13);
        started.push(redis);
        redis.flush();
        OtlpReceiver collector = new OtlpReceiver();
        started.push(collector);
        System.setProperty(SpanShipper.ENDPOINT, collector.endpoint());
        DatabaseEndpoint cdcDb = SharedInfra.mariaDb().cdcEndpoint();
        Settings settings = Settings.of(Map.of(
                "bus", "redis",
                "redis.url", redis.url(),
                "db.host", cdcDb.host(),
                "db.port", Integer.toString(cdcDb.port()),
                "db.user", cdcDb.user(),
                "db.password", cdcDb.password(),
                "cdc.server.id", "5413",
                "cdc.data.dir", dir.resolve("cdc").toString()));

        RedisBusPublisher bus = RedisBusPublisher.create(RedisBusSettings.from(settings));
        started.push(bus);
        CdcIngest cdc = CdcIngest.start(CdcSettings.from(settings), bus);
        started.push(cdc);
        awaitStreaming(cdc);
        // after the sellers' snapshot went out, so the workers start with every seller
        started.push(RedisListingWorkers.start(RedisProcessorSettings.from(settings)));
        Edge edge = Edge.start(Main.loadConfig(Map.of(
                "server.port", "0", "server.host", "127.0.0.1", "listcast.stream.port", "0",
                "listcast.bus", "redis", "listcast.redis.url", redis.url(), "listcast.redis.refresh.millis", "200",
                "listcast.auth.hs256.secret", SECRET)));
        started.push(edge::stop);
        assertThat(edge.awaitReady(WAIT)).isTrue();

        String token = DevTokens.mint(SECRET, "listcast-dev", "listcast", "ada", Duration.ofMinutes(5));
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + edge.streamPort() + "/api/listings/stream?categories=cameras"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Iterator<String> lines = response.body().iterator();

        long itemId = PipelineProbe.insertListedItem(SharedInfra.mariaDb().endpoint(), "Leica M6 über Redis 📷",
                "cameras", 189_000, 2);

        JsonNode listing = CompletableFuture.supplyAsync(() -> PipelineProbe.nextListing(lines, itemId))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        response.body().close();
        assertThat(listing.get("title").asText()).isEqualTo("Leica M6 über Redis 📷");
        assertThat(listing.get("priceCents").asLong()).isEqualTo(189_000);
        assertThat(listing.get("sellerName").asText()).isEqualTo("Kicks by Kemal");
        TraceParent delivered = TraceParent.parse(listing.get("traceparent").asText()).orElseThrow();
        Map<String, ReceivedSpan> spans = collector.awaitTrace(delivered.traceId(), 3, WAIT).stream()
                .collect(Collectors.toMap(ReceivedSpan::name, span -> span));
        assertThat(spans.keySet()).containsExactlyInAnyOrder("capture", "process", "fan-out");
        assertThat(spans.get("process").parentSpanId()).isEqualTo(spans.get("capture").spanId());
        assertThat(spans.get("fan-out").parentSpanId()).isEqualTo(spans.get("process").spanId());
        assertThat(spans.get("fan-out").spanId()).isEqualTo(delivered.spanId());
    }

    private static void awaitStreaming(CdcIngest cdc) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!cdc.status().connected()) {
            assertThat(System.nanoTime()).as("cdc-ingest never started streaming").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
