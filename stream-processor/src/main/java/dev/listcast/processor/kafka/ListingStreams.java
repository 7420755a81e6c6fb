package dev.listcast.processor.kafka;

import dev.listcast.events.Taxonomy;
import dev.listcast.telemetry.SpanShipper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The running listing processor: topics created, Kafka Streams started and {@code RUNNING}.
 *
 * <pre>{@code
 * try (ListingStreams streams = ListingStreams.start(ProcessorSettings.from(Settings.fromEnvironment()))) {
 *     ...
 * }
 * }</pre>
 */
public final class ListingStreams implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ListingStreams.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final SpanShipper spans;

    private ListingStreams(KafkaStreams streams, SpanShipper spans) {
        this.streams = streams;
        this.spans = spans;
    }

    /**
     * Creates the topics, starts Kafka Streams and waits up to {@code processor.start.timeout.ms} for it to run.
     *
     * @throws IllegalStateException when it is not running in time (it is closed again)
     */
    public static ListingStreams start(ProcessorSettings settings) {
        Taxonomy taxonomy = Taxonomy.standard();
        ListingTopics.ensure(settings, taxonomy);
        StreamsBuilder builder = new StreamsBuilder();
        SpanShipper spans = SpanShipper.fromEnvironment("listcast-stream-processor");
        ListingTopology.build(builder, taxonomy, settings.dedupeWindow(), Clock.systemUTC(), spans);
        KafkaStreams streams = new KafkaStreams(builder.build(), ListingTopology.streamsConfig(settings));
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        // Data errors are skipped by the handlers; what reaches here is infrastructure (a fenced producer, a
        // lost broker), which a fresh thread recovers from by rejoining the group.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.log(Level.WARNING, "stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        try {
            if (!running.await(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                streams.close(CLOSE_TIMEOUT);
                spans.close();
                throw new IllegalStateException("listing processor " + settings.applicationId() + " not running after "
                        + settings.startTimeout().toMillis() + " ms (state " + streams.state() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close(CLOSE_TIMEOUT);
            spans.close();
            throw new IllegalStateException("interrupted while starting listing processor", e);
        }
        LOG.info(() -> "listing processor " + settings.applicationId() + " running on " + settings.bootstrap());
        return new ListingStreams(streams, spans);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Stops processing, committing the open transaction. A static member ({@code group.instance.id}, as devstack
     * runs it) also leaves the group, so the next start is assigned at once; a dynamic member is not affected.
     */
    @Override
    public void close() {
        streams.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(true));
        spans.close();
    }
}
