package dev.listcast.processor.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.events.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisProcessorSettingsTest {

    @Test
    void shouldUseDocumentedDefaults() {
        RedisProcessorSettings settings = RedisProcessorSettings.from(Settings.of(Map.of()));

        assertThat(settings).isEqualTo(new RedisProcessorSettings("redis://127.0.0.1:6379", 2, "listcast-processor",
                Duration.ofMillis(200), 100, Duration.ofSeconds(5), Duration.ofDays(1), 100_000));
    }

    @Test
    void shouldReadEnvironmentVariables() {
        RedisProcessorSettings settings = RedisProcessorSettings.from(Settings.from(Map.of(
                "LISTCAST_REDIS_URL", "redis://cache:6379/3",
                "LISTCAST_PROCESSOR_REDIS_WORKERS", "4",
                "LISTCAST_PROCESSOR_REDIS_CLAIM_IDLE_MS", "750",
                "LISTCAST_PROCESSOR_REDIS_DEDUPE_TTL_SECONDS", "60")));

        assertThat(settings.url()).isEqualTo("redis://cache:6379/3");
        assertThat(settings.workers()).isEqualTo(4);
        assertThat(settings.claimIdle()).isEqualTo(Duration.ofMillis(750));
        assertThat(settings.dedupeTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldRejectZeroWorkers() {
        assertThatThrownBy(() -> RedisProcessorSettings.from(Settings.of(Map.of("processor.redis.workers", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("processor.redis.workers must be positive: 0");
    }
}
