package dev.listcast.edge.source;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the Kafka source (keys under {@code listcast.kafka}, see {@code application.yaml}).
 *
 * @param bootstrap broker list
 * @param isolation {@code read_uncommitted} or {@code read_committed}
 * @param refresh how often topics are listed to pick up new {@code listings.<category>} topics
 * @param replayTimeout how long a replay from Kafka may take before the resume is answered with a reset
 */
public record SourceSettings(String bootstrap, String isolation, Duration refresh, Duration replayTimeout) {
    private static final Set<String> ISOLATIONS = Set.of("read_uncommitted", "read_committed");

    public SourceSettings {
        Objects.requireNonNull(bootstrap, "bootstrap == null");
        if (!ISOLATIONS.contains(isolation)) {
            throw new IllegalArgumentException("listcast.kafka.isolation must be one of " + ISOLATIONS + ": " + isolation);
        }
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("listcast.kafka.refresh.millis must be positive: " + refresh);
        }
    }

    public static SourceSettings from(Config kafka) {
        return new SourceSettings(
                kafka.get("bootstrap").asString().orElse("127.0.0.1:9092"),
                kafka.get("isolation").asString().orElse("read_uncommitted"),
                Duration.ofMillis(kafka.get("refresh.millis").asLong().orElse(5_000L)),
                Duration.ofMillis(kafka.get("replay.timeout.millis").asLong().orElse(5_000L)));
    }
}
