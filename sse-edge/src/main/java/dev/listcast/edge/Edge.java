package dev.listcast.edge;

import dev.listcast.edge.auth.AuthSettings;
import dev.listcast.edge.auth.TokenVerifier;
import dev.listcast.edge.fanout.FanOut;
import dev.listcast.edge.fanout.FanOutSettings;
import dev.listcast.edge.fanout.Replayer;
import dev.listcast.edge.fanout.SourceDispatch;
import dev.listcast.edge.observe.EdgeMetrics;
import dev.listcast.edge.observe.EdgeSpans;
import dev.listcast.edge.observe.SourceReadiness;
import dev.listcast.edge.source.KafkaListingSource;
import dev.listcast.edge.source.ListingSource;
import dev.listcast.edge.source.RedisListingSource;
import dev.listcast.edge.source.RedisSourceSettings;
import dev.listcast.edge.source.SourceSettings;
import dev.listcast.edge.stream.Pinger;
import dev.listcast.edge.stream.StreamServer;
import dev.listcast.edge.stream.StreamSettings;
import dev.listcast.events.Bus;
import dev.listcast.events.Taxonomy;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.time.Duration;

/**
 * A running edge: the Kafka source, the fan-out and the web server. This is what devstack starts.
 *
 * <pre>{@code
 * Edge edge = Edge.start(Config.just(ConfigSources.create(Map.of(
 *         "server.port", "8080",
 *         "listcast.kafka.bootstrap", bootstrap,
 *         "listcast.auth.hs256.secret", secret,
 *         "listcast.auth.dev.issuer", "true"))));
 * edge.awaitReady(Duration.ofSeconds(10));
 * ...
 * edge.stop();
 * }</pre>
 */
public final class Edge {
    private final WebServer server;
    private final StreamServer streams;
    private final ListingSource source;
    private final Pinger pinger;
    private final EdgeMetrics metrics;
    private final FanOut fanOut;
    private final EdgeSpans spans;

    private Edge(WebServer server, StreamServer streams, ListingSource source, Pinger pinger, EdgeMetrics metrics,
            FanOut fanOut, EdgeSpans spans) {
        this.server = server;
        this.spans = spans;
        this.streams = streams;
        this.fanOut = fanOut;
        this.source = source;
        this.pinger = pinger;
        this.metrics = metrics;
    }

    /**
     * Starts an edge from {@code config}; keys it lacks fall back to {@code application.yaml}. Returns once the server
     * listens; the source becomes ready (see {@link #isReady}) when it is assigned its partitions.
     */
    public static Edge start(Config config) {
        Config full = withDefaults(config);
        Config listcast = full.get("listcast");
        AuthSettings auth = AuthSettings.from(listcast.get("auth"));
        FanOutSettings fanOutSettings = FanOutSettings.from(listcast);
        StreamSettings streamSettings = StreamSettings.from(listcast.get("stream"),
                full.get("server.host").asString().orElse("0.0.0.0"));
        TokenVerifier verifier = new TokenVerifier(auth);

        EdgeMetrics metrics = new EdgeMetrics();
        Bus bus = Bus.named(listcast.get("bus").asString().orElse("kafka"));
        ListingSource source = switch (bus) {
            case KAFKA -> new KafkaListingSource(SourceSettings.from(listcast.get("kafka")));
            case REDIS -> new RedisListingSource(RedisSourceSettings.from(listcast.get("redis")));
        };
        FanOut fanOut = new FanOut(fanOutSettings, metrics);
        EdgeSpans spans = EdgeSpans.fromEnvironment();
        Pinger pinger = Pinger.start(fanOut, streamSettings.ping());
        Replayer replayer = new Replayer(fanOutSettings, source);
        Taxonomy taxonomy = Taxonomy.standard();
        StreamServer streams = null;
        try {
            source.start(new SourceDispatch(fanOut, metrics, spans.edge()));
            streams = StreamServer.start(streamSettings, fanOut, replayer, verifier, taxonomy);
            EdgeServices services = new EdgeServices(auth, verifier, fanOut, replayer, taxonomy,
                    streamSettings, streams.port(), metrics, spans.browser(), listcast.get("ui.root").asString().orElse("listcast-web"));
            WebServer server = WebServer.builder()
                    .config(full.get("server"))
                    // Observe is added here with our readiness check; discovery would add a second one.
                    .featuresDiscoverServices(false)
                    .addFeature(ObserveFeature.builder()
                            .config(full.get("server.features.observe"))
                            .addObserver(HealthObserver.builder().details(true)
                                    .addCheck(new SourceReadiness(source)).build())
                            .addObserver(MetricsObserver.create())
                            .build())
                    .routing(routing -> Main.routing(routing, services))
                    .build()
                    .start();
            return new Edge(server, streams, source, pinger, metrics, fanOut, spans);
        } catch (RuntimeException e) {
            if (streams != null) {
                closeQuietly(streams);
            }
            pinger.close();
            source.close();
            fanOut.close();
            metrics.close();
            spans.close();
            throw e;
        }
    }

    /** {@code config} first, then the defaults of {@code application.yaml}. */
    static Config withDefaults(Config config) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(config), ConfigSources.classpath("application.yaml").build())
                .build();
    }

    /** The HTTP port: UI, API, and a redirect to the stream port. */
    public int port() {
        return server.port();
    }

    /** The port of {@code GET /api/listings/stream}. */
    public int streamPort() {
        return streams.port();
    }

    /** True once the source reads its partitions: streams opened from now on miss nothing. */
    public boolean isReady() {
        return source.isReady() && server.isRunning();
    }

    /** Waits up to {@code timeout} for {@link #isReady}; returns whether it became ready. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Stops serving (open streams end), then the pings and the source; ships the spans still queued. */
    public void stop() {
        fanOut.endAll();
        closeQuietly(streams);
        server.stop();
        pinger.close();
        source.close();
        fanOut.close();
        metrics.close();
        spans.close();
    }

    private static void closeQuietly(StreamServer streams) {
        try {
            streams.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
