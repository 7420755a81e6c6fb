package dev.listcast.bench.load;

import dev.listcast.bench.OptionSpec;
import dev.listcast.bench.Options;
import java.time.Duration;
import java.util.List;

/**
 * How hard and how long the client pushes, shared by the scenarios that open streams.
 *
 * @param maxTime bound on each round: connecting, publishing and waiting together
 * @param threads selector threads of the client
 * @param maxPending connections between connect and response head at once
 */
public record LoadSettings(Duration maxTime, int threads, int maxPending) {
    public static final List<OptionSpec> OPTIONS = List.of(
            new OptionSpec("max-seconds", "120", "time bound of each round (connect, publish, wait)"),
            new OptionSpec("threads", "2", "selector threads of the SSE client"),
            new OptionSpec("max-pending", "256", "connections being set up at once"));

    public LoadSettings {
        if (maxTime.isNegative() || maxTime.isZero() || threads < 1 || maxPending < 1) {
            throw new IllegalArgumentException("not a load: " + maxTime + ", " + threads + " threads, "
                    + maxPending + " pending");
        }
    }

    public static LoadSettings from(Options options) {
        return new LoadSettings(options.seconds("max-seconds"), options.positiveInt("threads"),
                options.positiveInt("max-pending"));
    }
}
