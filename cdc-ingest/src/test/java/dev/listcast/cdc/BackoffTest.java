package dev.listcast.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void shouldDoubleFromInitialDelay() {
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void shouldStopAtMaximum() {
        assertThat(backoff.delay(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldRefuseMaximumBelowInitial() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("backoff needs 0 < initial <= max: PT2S, PT1S");
    }
}
