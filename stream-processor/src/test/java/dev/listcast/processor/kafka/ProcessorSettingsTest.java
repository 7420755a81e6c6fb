package dev.listcast.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.events.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ProcessorSettingsTest {

    @Test
    void shouldDefaultForSingleNodeAndLowLatency() {
        ProcessorSettings settings = ProcessorSettings.from(Settings.of(Map.of()));
        assertThat(settings.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.applicationId()).isEqualTo("listcast-processor");
        assertThat(settings.listingsPartitions()).isEqualTo(3);
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(5));
        assertThat(settings.poll()).isEqualTo(Duration.ofMillis(5));
        assertThat(settings.threads()).isEqualTo(1);
        assertThat(settings.replicationFactor()).isEqualTo(1);
        assertThat(settings.standbyReplicas()).isZero();
        assertThat(settings.dedupeWindow()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void shouldReadTheDedupeWindowAndRefuseOneUnderASecond() {
        assertThat(ProcessorSettings.from(Settings.from(Map.of("LISTCAST_PROCESSOR_DEDUPE_WINDOW_SECONDS", "3600")))
                .dedupeWindow()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> ProcessorSettings.from(Settings.of(Map.of("processor.dedupe.window.seconds", "0"))))
                .hasMessage("processor.dedupe.window.seconds must be at least 1: 0");
    }

    @Test
    void shouldReadEnvironmentVariables() {
        ProcessorSettings settings = ProcessorSettings.from(Settings.from(Map.of(
                "LISTCAST_KAFKA_BOOTSTRAP", "broker:9092",
                "LISTCAST_PROCESSOR_APPLICATION_ID", "edge-test",
                "LISTCAST_LISTINGS_PARTITIONS", "6",
                "LISTCAST_PROCESSOR_STREAMS_MAX_POLL_RECORDS", "50")));
        assertThat(settings.bootstrap()).isEqualTo("broker:9092");
        assertThat(settings.applicationId()).isEqualTo("edge-test");
        assertThat(settings.listingsPartitions()).isEqualTo(6);
        assertThat(settings.streamsOverrides()).containsEntry("max.poll.records", "50");
    }

    @Test
    void shouldConfigureExactlyOnceWithLowLatency() {
        Properties props = ListingTopology.streamsConfig(ProcessorSettings.from(Settings.of(Map.of())));
        assertThat(props)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 5L)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 5L)
                .containsEntry("producer.linger.ms", 0)
                .containsEntry(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
    }

    @Test
    void shouldLetPassThroughSettingsWin() {
        Properties props = ListingTopology.streamsConfig(ProcessorSettings.from(Settings.of(Map.of(
                "processor.commit.interval.ms", "20",
                "processor.streams.commit.interval.ms", "50",
                "processor.streams.producer.linger.ms", "3"))));
        assertThat(props)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50")
                .containsEntry("producer.linger.ms", "3");
    }

    @Test
    void shouldRejectNonPositivePartitions() {
        assertThatThrownBy(() -> ProcessorSettings.from(Settings.of(Map.of("listings.partitions", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listings.partitions must be positive: 0");
    }
}
