package dev.listcast.cdc;

import dev.listcast.events.BusPublisher;
import dev.listcast.events.Topics;
import dev.listcast.telemetry.SpanShipper;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The running CDC stage: a Debezium embedded engine reading {@code items} and {@code sellers} from the binlog onto
 * the bus, on a thread this class owns. When the engine stops on a lost connection it is rebuilt after a backoff
 * and resumes from its committed offset; any other failure stops capture (see {@link EngineFailures}).
 *
 * <pre>{@code
 * try (BusPublisher bus = KafkaBusPublisher.create(bootstrap);
 *      CdcIngest cdc = CdcIngest.start(CdcSettings.from(settings), bus)) {
 *     ...
 * }
 * }</pre>
 *
 * Close this before the bus: a graceful close lets the engine commit the offsets of what the bus acknowledged.
 */
public final class CdcIngest implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CdcIngest.class.getName());
    private static final Backoff RESTART_BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    /** Dead letters are rare and read by people; one partition keeps them in order. */
    private static final int DEAD_LETTER_PARTITIONS = 1;

    private final CdcSettings settings;
    private final PublishingConsumer consumer;
    private final CaptureCounters counters = new CaptureCounters();
    private final SpanShipper spans = SpanShipper.fromEnvironment("listcast-cdc-ingest");
    private final ObjectName streamingMetrics;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "listcast-cdc-engine"));
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object engineLock = new Object();
    private DebeziumEngine<ChangeEvent<String, String>> engine;
    private volatile boolean taskRunning;
    private CdcStatusMetrics metrics;

    private CdcIngest(CdcSettings settings, BusPublisher bus) {
        this.settings = settings;
        this.consumer = new PublishingConsumer(bus, counters, Clock.systemUTC(), spans);
        try {
            this.streamingMetrics = new ObjectName(settings.connector().streamingMetricsName(CdcSettings.TOPIC_PREFIX));
        } catch (JMException e) {
            throw new IllegalStateException("bad metrics name for " + settings.connector(), e);
        }
    }

    /** Creates the change topics if missing and starts capturing; returns at once, capture starts in seconds. */
    public static CdcIngest start(CdcSettings settings, BusPublisher bus) {
        bus.ensureTopic(Topics.ITEM_CHANGES, settings.itemsPartitions(), false);
        bus.ensureTopic(Topics.SELLER_CHANGES, settings.itemsPartitions(), true);
        bus.ensureTopic(Topics.DEAD_LETTERS, DEAD_LETTER_PARTITIONS, false);
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cdc.data.dir " + settings.dataDir(), e);
        }
        CdcIngest ingest = new CdcIngest(settings, bus);
        ingest.metrics = CdcStatusMetrics.register(ingest::status);
        ingest.executor.execute(ingest::superviseEngine);
        LOG.info(() -> "CDC starting: " + settings);
        return ingest;
    }

    public CdcStatus status() {
        return counters.status(taskRunning && streamingConnected());
    }

    /** Stops the engine gracefully (it commits the offsets of everything acknowledged) and waits for it. */
    @Override
    public void close() {
        metrics.close();
        closing.countDown();
        closeEngine();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning("CDC engine did not stop within 30 s; interrupting it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        spans.close();
    }

    /** Waits until capture has stopped, by {@link #close()} or a failure that is not retriable. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void superviseEngine() {
        try {
            int failures = 0;
            while (!isClosing()) {
                RunOutcome outcome = runEngineOnce();
                if (isClosing()) {
                    return;
                }
                if (outcome.streamed()) {
                    failures = 0;
                }
                if (outcome.error() != null && !EngineFailures.isRetriable(outcome.error())) {
                    LOG.log(Level.SEVERE, "CDC stopped for good: " + outcome.message(), outcome.error());
                    return;
                }
                Duration delay = RESTART_BACKOFF.delay(failures++);
                LOG.warning(() -> "CDC engine stopped (" + outcome.message() + "); restarting in " + delay.toMillis()
                        + " ms");
                if (closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            taskRunning = false;
            stopped.countDown();
        }
    }

    /** Builds an engine and runs it on this thread until it stops; returns how it stopped. */
    private RunOutcome runEngineOnce() {
        AtomicReference<RunOutcome> outcome = new AtomicReference<>(new RunOutcome(true, "stopped", null, false));
        AtomicBoolean streamed = new AtomicBoolean();
        DebeziumEngine<ChangeEvent<String, String>> built = DebeziumEngine.create(Json.class)
                .using(settings.connectorProperties())
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        taskRunning = true;
                        streamed.set(true);
                    }

                    @Override
                    public void taskStopped() {
                        taskRunning = false;
                    }
                })
                .using((success, message, error) -> outcome.set(new RunOutcome(success, message, error, streamed.get())))
                .notifying(consumer)
                .build();
        synchronized (engineLock) {
            if (isClosing()) {
                closeQuietly(built);
                return outcome.get();
            }
            engine = built;
        }
        try {
            built.run();
        } finally {
            taskRunning = false;
            synchronized (engineLock) {
                engine = null;
            }
        }
        return outcome.get();
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    private void closeEngine() {
        synchronized (engineLock) {
            if (engine != null) {
                closeQuietly(engine);
            }
        }
    }

    private static void closeQuietly(DebeziumEngine<?> engine) {
        try {
            engine.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "CDC engine did not close cleanly", e);
        }
    }

    /** Debezium's streaming metric knows whether the binlog reader is connected right now. */
    private boolean streamingConnected() {
        try {
            return Boolean.TRUE.equals(ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(streamingMetrics, "Connected"));
        } catch (JMException e) {
            return false;
        }
    }

    private record RunOutcome(boolean success, String message, Throwable error, boolean streamed) {
    }
}
