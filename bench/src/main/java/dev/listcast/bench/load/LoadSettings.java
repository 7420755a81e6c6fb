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
 *     than a minute does), and every target gets the same. 20, not 3: after 3 the edge's compiler still ran 380 ms
 *     during the measured minute of {@code bench fanout} at 10,000 subscribers, and that minute's slowest fan-out
 *     was its p99
 */
public record LoadSettings(Duration maxTime, int threads, int maxPending, int warmUps) {
    /** What a round needs besides publishing: connecting, warm-ups, and the deliveries of its last event. */
    private static final Duration ROOM = Duration.ofSeconds(30);

    public static final List<OptionSpec> OPTIONS = List.of(
            new OptionSpec("max-seconds", "120", "time bound of each round (connect, publish, wait)"),
            new OptionSpec("threads", "2", "selector threads of the SSE client"),
            new OptionSpec("max-pending", "256", "connections being set up at once"),
            new OptionSpec("warm-ups", "20", "events before measuring, each awaited at every subscriber"));

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

    /**
     * Refuses a round whose publishing alone would not fit in {@link #maxTime()} with {@link #ROOM} to spare: cut
     * short by the bound, a round counts the event in flight as lost, and two targets compare different events.
     */
    public void requirePublishingFits(int count, double perSecond, String what) {
        long needed = (long) Math.ceil(count / perSecond) + ROOM.toSeconds();
        if (needed > maxTime.toSeconds()) {
            throw new IllegalArgumentException(String.format("%d %s at %s/s need --max-seconds %d or more"
                    + " (publishing, plus %d s to connect, warm up and take the last deliveries); it is %d",
                    count, what, perSecond, needed, ROOM.toSeconds(), maxTime.toSeconds()));
        }
    }

    public static LoadSettings from(Options options) {
        return new LoadSettings(options.seconds("max-seconds"), options.positiveInt("threads"),
                options.positiveInt("max-pending"), options.positiveInt("warm-ups"));
    }
}
