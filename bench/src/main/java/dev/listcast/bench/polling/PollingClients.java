package dev.listcast.bench.polling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listcast.bench.stats.DeliveryLog;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * N clients polling {@code GET /api/listings?after=<id>} the way the SPA's fallback does: first paint from
 * {@code /api/listings/recent}, then one request per interval carrying the last resume id. Start times are spread
 * over one interval, as real clients' would be.
 */
final class PollingClients implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI edge;
    private final IntFunction<String> tokens;
    private final Duration interval;
    private final DeliveryLog log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
        Thread thread = new Thread(r, "pollers");
        thread.setDaemon(true);
        return thread;
    });
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile boolean running = true;

    PollingClients(URI edge, IntFunction<String> tokens, Duration interval, DeliveryLog log) {
        this.edge = edge;
        this.tokens = tokens;
        this.interval = interval;
        this.log = log;
    }

    /** Starts every client: first paint now, then polls from a random offset within the interval. */
    void start(int clients) throws IOException, InterruptedException {
        for (int c = 0; c < clients; c++) {
            int client = c;
            String token = tokens.apply(client);
            HttpResponse<byte[]> recent = http.send(get("/api/listings/recent?limit=1", token),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (recent.statusCode() != 200) {
                throw new IllegalStateException("GET /api/listings/recent answered " + recent.statusCode());
            }
            String lastId = JSON.readTree(recent.body()).path("lastId").asText("");
            long offset = ThreadLocalRandom.current().nextLong(interval.toMillis());
            timer.schedule(() -> poll(client, token, lastId), offset, TimeUnit.MILLISECONDS);
        }
    }

    long requests() {
        return requests.sum();
    }

    long errors() {
        return errors.sum();
    }

    private void poll(int client, String token, String after) {
        if (!running) {
            return;
        }
        requests.increment();
        String path = "/api/listings?after=" + URLEncoder.encode(after, StandardCharsets.UTF_8);
        http.sendAsync(get(path, token), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            long nanos = System.nanoTime();
            String next = after;
            if (error != null || response.statusCode() != 200) {
                errors.increment();
            } else {
                try {
                    JsonNode body = JSON.readTree(response.body());
                    for (JsonNode item : body.path("items")) {
                        log.record(client, item.toString(), nanos);
                    }
                    next = body.path("lastId").asText(after);
                } catch (IOException e) {
                    errors.increment();
                }
            }
            String resume = next;
            if (running) {
                timer.schedule(() -> poll(client, token, resume), interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private HttpRequest get(String pathAndQuery, String token) {
        return HttpRequest.newBuilder(edge.resolve(pathAndQuery)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
        http.close();
    }
}
