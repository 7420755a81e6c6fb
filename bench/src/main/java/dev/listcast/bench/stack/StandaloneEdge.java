package dev.listcast.bench.stack;

import dev.listcast.bench.Progress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The edge alone in its own JVM ({@code dev.listcast.edge.Main} from devstack's jars), reading the devstack's broker
 * and accepting its tokens, so that the fan-out bench meters the edge and nothing else: in devstack the edge shares
 * its JVM with the broker, Kafka Streams and CDC, whose idle polling and GC blur the edge's own cost.
 *
 * <p>The child inherits this process's fd limit (20,000 here, the hard limit), enough for ~19,500 streams.
 */
public final class StandaloneEdge implements AutoCloseable {
    /** Devstack's jars: the edge and everything it needs, as ./listcast runs them. */
    private static final String CLASSPATH = "devstack/target/lib/*:devstack/target/devstack.jar";
    /** A heap big enough for 19,500 streams with room to spare, small enough to show growth per subscriber. */
    public static final String MAX_HEAP = "-Xmx1g";
    /**
     * Serial GC: the edge's heap is mostly long-lived connection state and short-lived frames, which a single-threaded
     * young collection handles in a few ms; G1's concurrent and refinement threads took ~1.2 s of CPU while 10,000
     * streams got 20 events (~6 µs per delivery), Serial's collections ~0.2 s.
     */
    private static final List<String> GC = List.of("-XX:+UseSerialGC");
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final Endpoints endpoints;
    private final Path log;

    private StandaloneEdge(Process process, Endpoints endpoints, Path log) {
        this.process = process;
        this.endpoints = endpoints;
        this.log = log;
    }

    /**
     * Starts an edge on a free loopback port against {@code stack}'s broker and auth, with {@code settings} (more
     * {@code LISTCAST_*} variables) on top; returns once it is healthy.
     */
    public static StandaloneEdge start(Endpoints stack, Map<String, String> settings)
            throws IOException, InterruptedException {
        if (stack.auth() == null || stack.auth().hs256Secret() == null) {
            throw new IllegalArgumentException("the endpoints file has no auth.hs256Secret for the edge to check");
        }
        if (!Files.isRegularFile(Path.of("devstack/target/devstack.jar"))) {
            throw new IllegalStateException("devstack/target/devstack.jar is missing: build first (./listcast build)");
        }
        Loopback.requireBootstrap(stack.kafkaBootstrap());
        int port = ChildProcesses.freePort();
        int streamPort = ChildProcesses.freePort();
        Path log = Files.createTempFile("listcast-edge-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("LISTCAST_KAFKA_BOOTSTRAP", stack.kafkaBootstrap());
        env.put("LISTCAST_AUTH_HS256_SECRET", stack.auth().hs256Secret());
        env.put("LISTCAST_AUTH_ISSUER", stack.auth().issuer());
        env.put("LISTCAST_AUTH_AUDIENCE", stack.auth().audience());
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("LISTCAST_STREAM_PORT", Integer.toString(streamPort));
        // above the ~19,500 streams the fd limit allows, so the limit under test is the process's, not the edge's cap
        env.put("LISTCAST_STREAM_MAX_CONNECTIONS", "20000");
        env.putAll(settings);
        String url = "http://127.0.0.1:" + port;
        StandaloneEdge edge = new StandaloneEdge(builder.start(), new Endpoints(url, "http://127.0.0.1:" + streamPort, stack.kafkaBootstrap(),
                stack.mariadb(), stack.auth()), log);
        try {
            edge.awaitHealthy(URI.create(url + "/observe/health"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            edge.close();
            throw e;
        }
        Progress.say("standalone edge pid %d at %s (%s %s %s, log %s)", edge.pid(), url, MAX_HEAP, GC, settings, log);
        return edge;
    }

    /** The same stack, with the standalone edge as {@code edgeUrl} and {@code streamUrl}. */
    public Endpoints endpoints() {
        return endpoints;
    }

    public long pid() {
        return process.pid();
    }

    private static List<String> command() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java,
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.logging.config.file=" + Path.of("logging.properties").toAbsolutePath()));
        command.addAll(GC);
        command.addAll(List.of(MAX_HEAP, "-cp", CLASSPATH, "dev.listcast.edge.Main"));
        return command;
    }

    private void awaitHealthy(URI health) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the standalone edge exited with " + process.exitValue()
                            + "; see " + log);
                }
                try {
                    HttpRequest get = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
                    if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standalone edge was not healthy within " + STARTUP
                            + "; see " + log);
                }
                Thread.sleep(200);
            }
        }
    }


    /** Stops the edge (its shutdown hook ends the streams), killing it if it does not stop within 10 s. */
    @Override
    public void close() throws InterruptedException {
        ChildProcesses.stop(process);
    }
}
