package dev.listcast.cdc;

import dev.listcast.events.BusPublisher;
import dev.listcast.events.BusRecord;
import dev.listcast.events.TraceParent;
import dev.listcast.telemetry.SpanShipper;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;

/**
 * The engine's batch consumer: maps every event, publishes the whole batch, then marks each event processed
 * only once the bus acknowledged it, and finishes the batch (which is when the engine commits offsets). An event
 * whose record was never acknowledged is therefore replayed after a crash, with the same binlog position.
 */
final class PublishingConsumer implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>> {
    private static final Logger LOG = Logger.getLogger(PublishingConsumer.class.getName());

    private final BusPublisher bus;
    private final CaptureCounters counters;
    private final Clock clock;
    private final SpanShipper spans;

    PublishingConsumer(BusPublisher bus, CaptureCounters counters, Clock clock, SpanShipper spans) {
        this.bus = bus;
        this.counters = counters;
        this.clock = clock;
        this.spans = spans;
    }

    @Override
    public void handleBatch(List<ChangeEvent<String, String>> events,
            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
        List<Sent> sent = new ArrayList<>(events.size());
        // Send everything first so the batch's acknowledgements overlap instead of queueing one behind another.
        for (ChangeEvent<String, String> event : events) {
            long capturedAt = clock.millis();
            MappedChange mapped = ChangeMapper.map(event.value(), capturedAt);
            if (mapped instanceof MappedChange.Rejected rejected) {
                LOG.warning(() -> "dead-lettering change event from " + event.destination() + ": " + rejected.reason());
            }
            // The listing's trace is made here (the database is not traced), and its capture span starts at the
            // commit: a row without updated_at on MariaDB has whole seconds only, so it may start a second early.
            TraceParent trace = TraceParent.newRoot();
            BusRecord record = ChangeMapper.busRecord(mapped, event.destination(), event.key(), event.value(),
                    capturedAt, trace);
            long spanStart = Math.min(mapped.committedAt(capturedAt), capturedAt);
            sent.add(new Sent(event, mapped, bus.publish(record), trace, record.topic(), spanStart));
        }
        // Marked in binlog order, each after its own acknowledgement.
        for (Sent each : sent) {
            awaitAck(each);
            committer.markProcessed(each.event());
            counters.acknowledged(each.mapped());
            spans.record("capture", SpanKind.PRODUCER, each.trace(), null, each.spanStart() * 1_000_000,
                    clock.millis() * 1_000_000, Map.of("messaging.destination.name", each.topic(),
                            "debezium.destination", each.event().destination()));
        }
        committer.markBatchFinished();
    }

    private static void awaitAck(Sent sent) throws InterruptedException {
        try {
            sent.ack().get();
        } catch (ExecutionException e) {
            // Failing the batch stops the engine before its offset moves; CdcIngest decides whether to restart.
            throw new IllegalStateException("bus did not acknowledge the change from " + sent.event().destination()
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private record Sent(ChangeEvent<String, String> event, MappedChange mapped, CompletableFuture<Void> ack,
            TraceParent trace, String topic, long spanStart) {
    }
}
