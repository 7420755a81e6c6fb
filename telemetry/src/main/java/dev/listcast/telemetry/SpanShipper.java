package dev.listcast.telemetry;

import dev.listcast.events.TraceParent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Sends the spans of one service to an OpenTelemetry collector over OTLP/HTTP, off the hot path: {@link #record}
 * only offers to a bounded queue (a span that does not fit is dropped and counted, never waited for) and one
 * daemon thread exports batches. Without an endpoint nothing is kept at all.
 *
 * <pre>{@code
 * SpanShipper spans = SpanShipper.fromEnvironment("listcast-cdc-ingest");   // OTEL_EXPORTER_OTLP_ENDPOINT
 * spans.record("capture", SpanKind.PRODUCER, traceParent, null, capturedAtNanos, ackedAtNanos, Map.of("item.id", 42L));
 * }</pre>
 */
public final class SpanShipper implements AutoCloseable {
    /**
     * Where a collector listens for OTLP/HTTP ({@code http://collector:4318}), as OpenTelemetry names it: the
     * system property, else the environment variable {@code OTEL_EXPORTER_OTLP_ENDPOINT}. Unset: spans are not kept.
     */
    public static final String ENDPOINT = "otel.exporter.otlp.endpoint";
    /** Overrides the service name each service passes in ({@code OTEL_SERVICE_NAME}). */
    public static final String SERVICE = "otel.service.name";

    private static final Logger LOG = Logger.getLogger(SpanShipper.class.getName());
    private static final int QUEUE = 4_096;
    private static final int BATCH = 512;
    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final SpanShipper DISABLED = new SpanShipper(null, null, null);

    private final SpanExporter exporter;
    private final String traces;
    private final Resource resource;
    private final BlockingQueue<SpanData> queue = new ArrayBlockingQueue<>(QUEUE);
    private final LongAdder dropped = new LongAdder();
    private final Thread thread;
    private volatile boolean running = true;

    /** Whether the last export went through; only its changes are logged. */
    private boolean collectorTakes = true;

    private SpanShipper(SpanExporter exporter, String traces, String service) {
        this.exporter = exporter;
        this.traces = traces;
        this.resource = service == null ? Resource.empty()
                : Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"),
                        service)));
        this.thread = exporter == null ? null
                : Thread.ofPlatform().daemon().name("listcast-spans").start(this::run);
    }

    /** Ships to {@link #ENDPOINT} as {@link #SERVICE} or else {@code service}; keeps nothing without an endpoint. */
    public static SpanShipper fromEnvironment(String service) {
        String endpoint = setting(ENDPOINT);
        String name = setting(SERVICE);
        return endpoint == null ? DISABLED : to(endpoint, name == null ? service : name);
    }

    /** The system property {@code key}, else the environment variable named like it (upper case, _ for .). */
    private static String setting(String key) {
        String value = System.getProperty(key, System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_')));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Now in epoch nanoseconds, as precise as the system clock gives it. */
    public static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Ships to the collector at {@code endpoint} (its base URL; spans go to {@code /v1/traces}). */
    public static SpanShipper to(String endpoint, String service) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        String traces = base + "/v1/traces";
        return new SpanShipper(OtlpHttpSpanExporter.builder().setEndpoint(traces)
                .setTimeout(Duration.ofSeconds(5)).build(), traces, service);
    }

    /** A shipper that keeps nothing. */
    public static SpanShipper disabled() {
        return DISABLED;
    }

    public boolean enabled() {
        return exporter != null;
    }

    /**
     * Records a finished span of this service: {@code self} is the context the stage passed on, {@code parent} the
     * one it received (null for a trace's first span). Times are epoch nanoseconds.
     *
     * @param attributes values of type String, Long, Integer, Double or Boolean
     */
    public void record(String name, SpanKind kind, TraceParent self, TraceParent parent, long startEpochNanos,
            long endEpochNanos, Map<String, ?> attributes) {
        if (exporter == null) {
            return;
        }
        StageSpan span = new StageSpan(name, kind, self, parent, startEpochNanos,
                Math.max(startEpochNanos, endEpochNanos), attributes(attributes), resource);
        if (!queue.offer(span)) {
            dropped.increment();
        }
    }

    /** Spans not shipped because the queue was full (the collector too slow or away). */
    public long dropped() {
        return dropped.sum();
    }

    private void run() {
        List<SpanData> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                SpanData first = queue.poll(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                boolean taken = exporter.export(batch).join(10, TimeUnit.SECONDS).isSuccess();
                // Once per change, not per batch: an absent collector must not flood the service's log.
                if (taken != collectorTakes) {
                    collectorTakes = taken;
                    if (taken) {
                        LOG.info(() -> "the collector at " + traces + " takes spans again");
                    } else {
                        LOG.warning(() -> "the collector at " + traces + " does not take spans; they are dropped"
                                + " until it does");
                    }
                }
                batch.clear();
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private static Attributes attributes(Map<String, ?> values) {
        var builder = Attributes.builder();
        values.forEach((key, value) -> {
            switch (value) {
                case String s -> builder.put(key, s);
                case Long l -> builder.put(key, l);
                case Integer i -> builder.put(key, (long) i);
                case Double d -> builder.put(key, d);
                case Boolean b -> builder.put(key, b);
                default -> builder.put(key, String.valueOf(value));
            }
        });
        return builder.build();
    }

    /** Ships what is queued (up to a few seconds), then stops. */
    @Override
    public void close() {
        if (exporter == null) {
            return;
        }
        running = false;
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exporter.shutdown().join(5, TimeUnit.SECONDS);
    }
}
