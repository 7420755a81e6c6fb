package dev.listcast.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.listcast.events.BusPublisher;
import dev.listcast.events.BusRecord;
import dev.listcast.events.Topics;
import dev.listcast.telemetry.SpanShipper;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The commit order on its own: an in-memory bus whose acknowledgements the test hands out one by one. */
class PublishingConsumerTest {
    private final HeldBus bus = new HeldBus();
    private final RecordingCommitter committer = new RecordingCommitter();
    private final PublishingConsumer consumer = new PublishingConsumer(bus, new CaptureCounters(),
            Clock.fixed(Instant.ofEpochMilli(1_796_319_601_500L), ZoneOffset.UTC), SpanShipper.disabled());
    private final ExecutorService engineThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        engineThread.shutdownNow();
    }

    @Test
    void shouldMarkNothingProcessedBeforeTheBusAcknowledges() throws Exception {
        Event first = new Event("{\"id\":1}", fixture("item-insert.json"));
        Event second = new Event("{\"id\":3}", fixture("item-insert-second-row.json"));

        Future<?> batch = engineThread.submit(() -> handle(List.of(first, second)));
        await().until(() -> bus.sent.size() == 2);
        assertThat(committer.calls).isEmpty();

        bus.acks.get(0).complete(null);
        await().until(() -> committer.calls.size() == 1);
        assertThat(committer.calls).containsExactly("processed {\"id\":1}");

        bus.acks.get(1).complete(null);
        batch.get();
        assertThat(committer.calls).containsExactly("processed {\"id\":1}", "processed {\"id\":3}", "batch finished");
    }

    @Test
    void shouldFailTheBatchWithoutCommittingWhenTheBusRefuses() throws Exception {
        Event event = new Event("{\"id\":1}", fixture("item-insert.json"));

        Future<?> batch = engineThread.submit(() -> handle(List.of(event)));
        await().until(() -> bus.sent.size() == 1);
        bus.acks.get(0).completeExceptionally(new IOException("broker gone"));

        assertThat(batch).failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableThat().havingRootCause().withMessage("broker gone");
        assertThat(committer.calls).isEmpty();
    }

    @Test
    void shouldPublishUnmappableEventAsDeadLetterAndStillCommitIt() throws Exception {
        Event truncate = new Event("{\"id\":1}", fixture("item-insert.json").replace("\"op\":\"c\"", "\"op\":\"t\""));

        Future<?> batch = engineThread.submit(() -> handle(List.of(truncate)));
        await().until(() -> bus.sent.size() == 1);
        bus.acks.get(0).complete(null);
        batch.get();

        assertThat(bus.sent.get(0).topic()).isEqualTo(Topics.DEAD_LETTERS);
        assertThat(committer.calls).containsExactly("processed {\"id\":1}", "batch finished");
    }

    private Void handle(List<ChangeEvent<String, String>> events) throws InterruptedException {
        consumer.handleBatch(events, committer);
        return null;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PublishingConsumerTest.class.getResourceAsStream("/debezium/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record Event(String key, String value) implements ChangeEvent<String, String> {
        @Override
        public String destination() {
            return "listcast.market.items";
        }

        @Override
        public Integer partition() {
            return null;
        }
    }

    private static final class HeldBus implements BusPublisher {
        final List<BusRecord> sent = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> acks = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> publish(BusRecord record) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            sent.add(record);
            return ack;
        }

        @Override
        public void ensureTopic(String topic, int partitions, boolean compacted) {
        }

        @Override
        public void close() {
        }
    }

    private static final class RecordingCommitter implements DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void markProcessed(ChangeEvent<String, String> record) {
            calls.add("processed " + record.key());
        }

        @Override
        public void markBatchFinished() {
            calls.add("batch finished");
        }

        @Override
        public void markProcessed(ChangeEvent<String, String> record, DebeziumEngine.Offsets offsets) {
            markProcessed(record);
        }

        @Override
        public DebeziumEngine.Offsets buildOffsets() {
            throw new UnsupportedOperationException("not used by PublishingConsumer");
        }
    }
}
