package dev.listcast.processor.kafka;

import dev.listcast.events.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Typed settings of the Kafka Streams runner, read once from {@link Settings} (defaults &lt; file &lt;
 * environment &lt; overrides). Keys, with their environment variables:
 * <ul>
 *   <li>{@code kafka.bootstrap} ({@code LISTCAST_KAFKA_BOOTSTRAP}), default {@code 127.0.0.1:9092}</li>
 *   <li>{@code processor.application.id}, default {@code listcast-processor}: the consumer group and the
 *       prefix of the transactional ids; instances sharing it share the work</li>
 *   <li>{@code processor.state.dir}, default {@code <java.io.tmpdir>/listcast-processor}</li>
 *   <li>{@code listings.partitions}, default 3: partitions of each {@code listings.<category>} topic</li>
 *   <li>{@code processor.commit.interval.ms}, default 5, and {@code processor.poll.ms}, default 5: see
 *       {@link ListingTopology#streamsConfig}</li>
 *   <li>{@code processor.threads}, default 1</li>
 *   <li>{@code processor.replication.factor}, default 1 (single node), and {@code processor.standby.replicas},
 *       default 0: raise both on a real cluster</li>
 *   <li>{@code processor.start.timeout.ms}, default 60000: how long {@link ListingStreams#start} waits for
 *       {@code RUNNING}</li>
 *   <li>{@code processor.dedupe.window.seconds}, default 86400: how long an event id is remembered. CDC replays
 *       what it captured since its last offset flush, normally seconds before a crash; a day also covers a
 *       processor that was down overnight while CDC replayed. The Redis runner's
 *       {@code processor.redis.dedupe.ttl.seconds} has the same default.</li>
 *   <li>{@code processor.streams.*}: any Kafka Streams, consumer or producer config, passed through unchanged
 *       and winning over everything above (e.g. {@code processor.streams.session.timeout.ms})</li>
 * </ul>
 */
public record ProcessorSettings(
        String bootstrap,
        String applicationId,
        Path stateDir,
        int listingsPartitions,
        Duration commitInterval,
        Duration poll,
        int threads,
        int replicationFactor,
        int standbyReplicas,
        Duration startTimeout,
        Duration dedupeWindow,
        Map<String, String> streamsOverrides) {

    public static final String STREAMS_PREFIX = "processor.streams.";

    public ProcessorSettings {
        Objects.requireNonNull(bootstrap, "bootstrap == null");
        Objects.requireNonNull(applicationId, "applicationId == null");
        Objects.requireNonNull(stateDir, "stateDir == null");
        positive("listings.partitions", listingsPartitions);
        positive("processor.threads", threads);
        positive("processor.replication.factor", replicationFactor);
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("processor.standby.replicas must not be negative: " + standbyReplicas);
        }
        if (commitInterval.isNegative() || poll.isNegative() || startTimeout.isNegative()) {
            throw new IllegalArgumentException("negative duration in processor settings: commit " + commitInterval
                    + ", poll " + poll + ", start timeout " + startTimeout);
        }
        if (dedupeWindow.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "processor.dedupe.window.seconds must be at least 1: " + dedupeWindow.toSeconds());
        }
        streamsOverrides = Map.copyOf(streamsOverrides);
    }

    public static ProcessorSettings from(Settings settings) {
        return new ProcessorSettings(
                settings.get("kafka.bootstrap", "127.0.0.1:9092"),
                settings.get("processor.application.id", "listcast-processor"),
                Path.of(settings.get("processor.state.dir",
                        Path.of(System.getProperty("java.io.tmpdir"), "listcast-processor").toString())),
                settings.getInt("listings.partitions", 3),
                settings.getMillis("processor.commit.interval.ms", Duration.ofMillis(5)),
                settings.getMillis("processor.poll.ms", Duration.ofMillis(5)),
                settings.getInt("processor.threads", 1),
                settings.getInt("processor.replication.factor", 1),
                settings.getInt("processor.standby.replicas", 0),
                settings.getMillis("processor.start.timeout.ms", Duration.ofSeconds(60)),
                Duration.ofSeconds(settings.getLong("processor.dedupe.window.seconds", 86_400)),
                settings.withPrefix(STREAMS_PREFIX));
    }

    private static void positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive: " + value);
        }
    }
}
