package dev.listcast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    private static final List<OptionSpec> SPECS = List.of(new OptionSpec("subscribers", "1000", "n"),
            new OptionSpec("rate", "1", "per second"));

    @Test
    void shouldOverrideDefaultsAndParseLists() {
        Options options = Options.parse(SPECS, new String[] {"--subscribers", "1000,10000"});

        assertThat(options.positiveInts("subscribers")).containsExactly(1000, 10000);
        assertThat(options.positiveDouble("rate")).isEqualTo(1.0);
    }

    @Test
    void shouldRefuseAnUnknownOptionNamingTheKnownOnes() {
        assertThatThrownBy(() -> Options.parse(SPECS, new String[] {"--subscriber", "5"}))
                .hasMessage("unknown option --subscriber; known: [--subscribers, --rate]");
    }

    @Test
    void shouldRefuseANonPositiveNumber() {
        assertThatThrownBy(() -> Options.parse(SPECS, new String[] {"--rate", "0"}).positiveDouble("rate"))
                .hasMessage("--rate must be positive: 0.0");
    }
}
