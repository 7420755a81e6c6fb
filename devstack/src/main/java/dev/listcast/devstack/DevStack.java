package dev.listcast.devstack;

import dev.listcast.cdc.CdcIngest;
import dev.listcast.cdc.CdcSettings;
import dev.listcast.cdc.KafkaBusPublisher;
import dev.listcast.edge.Edge;
import dev.listcast.edge.Main;
import dev.listcast.embedded.EmbeddedKafka;
import dev.listcast.embedded.EmbeddedMariaDb;
import dev.listcast.events.Settings;
import dev.listcast.processor.kafka.ListingStreams;
import dev.listcast.processor.kafka.ProcessorSettings;
import io.helidon.config.Config;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The embedded default: starts the broker, the database and the three services in order, each through its own
 * entry point with typed settings, writes {@code endpoints.json}, and stops everything in reverse.
 *
 * <pre>./listcast dev</pre>
 */
public final class DevStack implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DevStack.class.getName());
    private static final String ISSUER = "listcast-dev";
    private static final String AUDIENCE = "listcast";
    private static final java.time.Duration STREAMING_TIMEOUT = java.time.Duration.ofSeconds(90);
    private static final java.time.Duration READY_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Settings settings;
    private final DevSettings dev;
    private final Map<String, String> edgeOverrides = new HashMap<>(Map.of(
            "listcast.auth.issuer", ISSUER,
            "listcast.auth.audience", AUDIENCE,
            "listcast.auth.dev.issuer", "true"));
    private Edge edge;
    private Endpoints endpoints;

    private DevStack(Settings settings) {
        this.settings = settings;
        this.dev = DevSettings.from(settings);
    }

    /** Starts everything; on failure stops what already runs and rethrows. */
    public static DevStack start(Settings settings) {
        DevStack stack = new DevStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Stops the edge and starts a new one on the same ports: browsers must resume with no gap. */
    public synchronized void restartEdge() {
        int port = edge.port();
        int streamPort = edge.streamPort();
        edge.stop();
        // Same ports, even when the first ones were picked at random: browsers reconnect to the URLs they know.
        edge = awaitReady(Edge.start(edgeConfig(port, streamPort)));
    }

    private void startAll() {
        Path dir = dev.dir();
        String secret = DevSecret.loadOrCreate(dir.resolve("dev").resolve("jwt-secret"));

        EmbeddedMariaDb db = time("MariaDB", () -> EmbeddedMariaDb.start(dir.resolve("mariadb"), dev.dbPort(),
                DevSecret.loadOrCreate(dir.resolve("dev").resolve("db-password")), true));
        started.push(db);
        EmbeddedKafka kafka = time("Kafka", () -> EmbeddedKafka.start(dir.resolve("kafka"), dev.kafkaPort()));
        started.push(kafka);

        Settings services = settings.with(Map.of(
                "kafka.bootstrap", kafka.bootstrapServers(),
                "db.host", db.cdcEndpoint().host(),
                "db.port", Integer.toString(db.cdcEndpoint().port()),
                "db.user", db.cdcEndpoint().user(),
                "db.password", db.cdcEndpoint().password(),
                "cdc.data.dir", dir.resolve("cdc").toString(),
                "processor.state.dir", dir.resolve("streams").toString(),
                // A static member: Kafka Streams does not leave its group on close, so a restarted devstack
                // waited out the 45 s session timeout (measured) before the processor got its partitions back.
                "processor.streams.group.instance.id", "listcast-devstack"));

        ListingStreams processor = time("stream-processor", () -> ListingStreams.start(ProcessorSettings.from(services)));
        started.push(processor);
        KafkaBusPublisher bus = KafkaBusPublisher.create(kafka.bootstrapServers(), Map.of());
        started.push(bus);
        CdcIngest cdc = time("cdc-ingest", () -> awaitStreaming(CdcIngest.start(CdcSettings.from(services), bus)));
        started.push(cdc);

        edgeOverrides.put("listcast.kafka.bootstrap", kafka.bootstrapServers());
        edgeOverrides.put("listcast.auth.hs256.secret", secret);
        edge = time("sse-edge", () -> awaitReady(Edge.start(edgeConfig(dev.edgePort(), dev.streamPort()))));
        started.push(() -> edge.stop());

        String controlUrl = null;
        if (dev.control()) {
            ControlServer control = ControlServer.start(this::restartEdge);
            started.push(control);
            controlUrl = control.url();
        }
        endpoints = new Endpoints("http://127.0.0.1:" + edge.port(), "http://127.0.0.1:" + edge.streamPort(),
                kafka.bootstrapServers(),
                Endpoints.Database.of(db.endpoint()), new Endpoints.Auth(ISSUER, AUDIENCE, secret), controlUrl);
        endpoints.writeTo(dev.endpointsFile());
        // A stale endpoints.json would send tools to ports nobody listens on any more.
        started.push(() -> java.nio.file.Files.deleteIfExists(dev.endpointsFile()));
    }

    /** The edge reads Helidon config: its defaults and the environment, with what devstack decides on top. */
    private Config edgeConfig(int port, int streamPort) {
        Map<String, String> overrides = new HashMap<>(edgeOverrides);
        overrides.put("server.port", Integer.toString(port));
        overrides.put("listcast.stream.port", Integer.toString(streamPort));
        return Main.loadConfig(overrides);
    }

    /**
     * With snapshot mode no_data, capture starts at the binlog position current when Debezium connects: a row
     * committed before that would never reach anyone, so devstack is not "up" until capture streams.
     */
    private static CdcIngest awaitStreaming(CdcIngest cdc) {
        long deadline = System.nanoTime() + STREAMING_TIMEOUT.toNanos();
        while (!cdc.status().connected()) {
            if (System.nanoTime() > deadline) {
                cdc.close();
                throw new IllegalStateException("cdc-ingest did not start streaming within " + STREAMING_TIMEOUT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for cdc-ingest", e);
            }
        }
        return cdc;
    }

    /** Ready means the edge's consumer is assigned: a listing processed from now on reaches subscribers. */
    private static Edge awaitReady(Edge edge) {
        try {
            if (!edge.awaitReady(READY_TIMEOUT)) {
                edge.stop();
                throw new IllegalStateException("sse-edge was not ready within " + READY_TIMEOUT);
            }
            return edge;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            edge.stop();
            throw new IllegalStateException("interrupted while waiting for sse-edge", e);
        }
    }

    private static <T> T time(String what, java.util.function.Supplier<T> start) {
        long begin = System.nanoTime();
        T value = start.get();
        LOG.info(() -> String.format("%s up in %d ms", what, (System.nanoTime() - begin) / 1_000_000));
        return value;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warning(() -> "stopping: " + e);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long begin = System.nanoTime();
        DevStack stack = start(Settings.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        Endpoints endpoints = stack.endpoints();
        System.out.printf("%nListcast devstack up in %.1f s%n  UI and API  %s%n  Streams     %s/api/listings/stream%n"
                        + "  Kafka       %s%n"
                        + "  MariaDB     %s:%d (user %s, database %s)%n  Endpoints   %s%nCtrl-C stops everything.%n",
                (System.nanoTime() - begin) / 1e9, endpoints.edgeUrl().replace("127.0.0.1", "localhost"),
                endpoints.streamUrl().replace("127.0.0.1", "localhost"),
                endpoints.kafkaBootstrap(), endpoints.mariadb().host(), endpoints.mariadb().port(),
                endpoints.mariadb().user(), endpoints.mariadb().database(), stack.dev.endpointsFile());
        stopped.await();
    }
}
