package dev.listcast.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh edge for one test class (a suite's streams and caps must not meet another suite's):
 * {@code @RegisterExtension static final EdgeExtension EDGE = EdgeExtension.withTopics("books");}
 */
final class EdgeExtension implements BeforeAllCallback, AfterAllCallback {
    static final Duration WAIT = Duration.ofSeconds(15);

    private final Map<String, String> overrides;
    private final String[] topics;
    private Edge edge;

    private EdgeExtension(Map<String, String> overrides, String[] topics) {
        this.overrides = overrides;
        this.topics = topics;
    }

    /** An edge with the test settings, after the listing topics of {@code categories} exist. */
    static EdgeExtension withTopics(String... categories) {
        return new EdgeExtension(Map.of(), categories);
    }

    /** An edge with {@code overrides} on top of the test settings, after the listing topics of {@code categories} exist. */
    static EdgeExtension with(Map<String, String> overrides, String... categories) {
        return new EdgeExtension(overrides, categories);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (topics.length > 0) {
            TestListings.createTopics(topics);
        }
        edge = TestEdges.start(overrides);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        edge.stop();
    }

    /** The HTTP port: UI, API, observe. */
    int port() {
        return edge.port();
    }

    int streamPort() {
        return edge.streamPort();
    }

    /** Open streams, as {@code /observe/metrics} counts them. */
    int connections() {
        return (int) Http.metric(port(), "listcast_edge_connections");
    }

    /** Waits until the edge holds exactly {@code expected} streams; fails when it does not within {@link #WAIT}. */
    void awaitConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (connections() != expected) {
            assertThat(System.nanoTime()).as("connections never became %d", expected).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Opens a stream as {@code user}, checked up to its leading {@code retry:} frame. */
    SseClient stream(String user, String query) throws InterruptedException {
        return TestEdges.stream(streamPort(), user, query, WAIT);
    }
}
