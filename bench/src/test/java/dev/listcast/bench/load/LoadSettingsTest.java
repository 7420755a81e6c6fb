package dev.listcast.bench.load;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {
    private static final LoadSettings TWO_MINUTES = new LoadSettings(Duration.ofSeconds(120), 2, 256, 3);

    @Test
    void shouldAcceptPublishingThatLeavesRoomForTheLastDeliveries() {
        assertThatCode(() -> TWO_MINUTES.requirePublishingFits(90, 1, "events")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseARoundTheTimeBoundWouldCutShortNamingTheBoundItNeeds() {
        assertThatThrownBy(() -> TWO_MINUTES.requirePublishingFits(180, 1, "events"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("180 events at 1.0/s need --max-seconds 210 or more (publishing, plus 30 s to connect,"
                        + " warm up and take the last deliveries); it is 120");
    }
}
