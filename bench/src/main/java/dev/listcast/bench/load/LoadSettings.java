package dev.listcast.bench.load;

import dev.listcast.bench.OptionSpec;
import dev.listcast.bench.Options;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * How hard and how long the client pushes, shared by the scenarios that open streams.
 *
 * @param maxTime bound on each round: connecting, publishing and waiting together
 * @param threads selector threads of the client
 * @param maxPending connections between connect and response head at once
 * @param warmUps events published one at a time before measuring, each awaited at every subscriber: a JVM server
 *     compiles its delivery path meanwhile, so the measured events see it compiled (as a server running for more
 *     than a minute does), and every target gets the same
 */
public record LoadSettings(Duration maxTime, int threads, int maxPending, int warmUps) {
    public static final List<OptionSpec> OPTIONS = List.of(
            new OptionSpec("max-seconds", "120", "time bound of each round (connect, publish, wait)"),
            new OptionSpec("threads", "2", "selector threads of the SSE client"),
            new OptionSpec("max-pending", "256", "connections being set up at once"),
            new OptionSpec("warm-ups", "3", "events before measuring, each awaited at every subscriber"));

    /** A load scenario's options: its own, then {@link #OPTIONS}. */
    public static List<OptionSpec> optionsWith(OptionSpec... own) {
        return Stream.concat(Stream.of(own), OPTIONS.stream()).toList();
    }

    public LoadSettings {
        if (maxTime.isNegative() || maxTime.isZero() || threads < 1 || maxPending < 1 || warmUps < 1) {
            throw new IllegalArgumentException("not a load: " + maxTime + ", " + threads + " threads, "
                    + maxPending + " pending, " + warmUps + " warm-ups");
        }
    }

    public static LoadSettings from(Options options) {
        return new LoadSettings(options.seconds("max-seconds"), options.positiveInt("threads"),
                options.positiveInt("max-pending"), options.positiveInt("warm-ups"));
    }
}
