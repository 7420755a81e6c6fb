package dev.listcast.processor.redis;

import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import dev.listcast.telemetry.SpanShipper;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One consumer of the group on {@code market.items.changes}, on its own thread and connection: reads new entries
 * (XREADGROUP), now and then claims entries other consumers abandoned (XAUTOCLAIM), and hands each to the router
 * and the output script. An entry is acknowledged only by the script that wrote its output (or, for a change that
 * is no listing, right after the decision); a Redis failure leaves it pending, to be claimed again.
 */
final class ListingWorker implements Runnable {
    private static final Logger LOG = Logger.getLogger(ListingWorker.class.getName());
    private static final byte[] INPUT = StreamEntry.bytes(Topics.ITEM_CHANGES);
    /** Where XAUTOCLAIM starts scanning the pending entries, and what it answers once it scanned them all. */
    private static final String SCAN_START = "0-0";

    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final Consumer<byte[]> consumer;
    private final String name;
    private final RedisProcessorSettings settings;
    private final EntryRouter router;
    private final OutputScript output;
    private final SpanShipper spans;
    private final long claimEveryMillis;
    private final AtomicLong processed = new AtomicLong();
    private volatile boolean running = true;
    private long nextClaimAt;

    ListingWorker(StatefulRedisConnection<byte[], byte[]> connection, String name, RedisProcessorSettings settings,
            EntryRouter router, OutputScript output, SpanShipper spans) {
        this.connection = connection;
        this.name = name;
        this.consumer = Consumer.from(StreamEntry.bytes(settings.group()), StreamEntry.bytes(name));
        this.settings = settings;
        this.router = router;
        this.output = output;
        this.spans = spans;
        // An entry becomes claimable claimIdle after its last delivery; looking twice per that period finds it
        // at most 1.5 periods after its worker died.
        this.claimEveryMillis = Math.max(settings.block().toMillis(), settings.claimIdle().toMillis() / 2);
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (System.currentTimeMillis() >= nextClaimAt) {
                    claimAbandoned();
                    nextClaimAt = System.currentTimeMillis() + claimEveryMillis;
                }
                handle(connection.sync().xreadgroup(consumer,
                        XReadArgs.Builder.block(settings.block()).count(settings.batch()),
                        StreamOffset.lastConsumed(INPUT)));
            } catch (RedisException e) {
                if (running) {
                    LOG.log(Level.WARNING, name + " cannot reach Redis; its entries stay pending", e);
                    pause();
                }
            } catch (RuntimeException e) {
                // Not Redis and not the rules (the router dead-letters their failures): keep the worker alive;
                // the entry stays pending and is claimed again after claim.idle.ms.
                LOG.log(Level.SEVERE, name + " failed on an entry; it stays pending", e);
                pause();
            }
        }
    }

    /** Entries this worker handled (output written, or acknowledged as no listing). */
    long processed() {
        return processed.get();
    }

    String name() {
        return name;
    }

    /** Stops after the current read (at most one block) and batch; unfinished entries stay pending. */
    void stop() {
        running = false;
    }

    private void claimAbandoned() {
        String start = SCAN_START;
        do {
            ClaimedMessages<byte[], byte[]> claimed = connection.sync().xautoclaim(INPUT, new XAutoClaimArgs<byte[]>()
                    .consumer(consumer).minIdleTime(settings.claimIdle()).startId(start).count(settings.batch()));
            if (!claimed.getMessages().isEmpty()) {
                LOG.info(() -> name + " claimed " + claimed.getMessages().size() + " abandoned entries");
            }
            handle(claimed.getMessages());
            start = claimed.getId();
        } while (running && !SCAN_START.equals(start));
    }

    private void handle(List<StreamMessage<byte[], byte[]>> messages) {
        RedisCommands<byte[], byte[]> redis = connection.sync();
        for (StreamMessage<byte[], byte[]> message : messages) {
            if (message.getBody() == null || message.getBody().isEmpty()) {
                // Trimmed away while pending: nothing left to process.
                output.acknowledge(redis, message.getId());
            } else {
                StreamEntry entry = StreamEntry.of(message);
                switch (router.route(entry)) {
                    case Route.Write write -> {
                        output.write(redis, entry.id(), write);
                        recordSpan(entry, write);
                    }
                    case Route.Acknowledge ignored -> output.acknowledge(redis, entry.id());
                }
            }
            processed.incrementAndGet();
        }
    }

    /** A listing's span of this stage, as the Kafka runner records it: from entering the bus to being written. */
    private void recordSpan(StreamEntry entry, Route.Write write) {
        if (spans.enabled() && Topics.LISTINGS.matcher(write.stream()).matches()) {
            long enteredAt = Long.parseLong(entry.id().substring(0, entry.id().indexOf('-')));
            spans.record("process", SpanKind.CONSUMER, TraceParent.parse(write.traceparent()).orElseThrow(),
                    TraceParent.parse(entry.traceparent()).orElse(null), enteredAt * 1_000_000,
                    SpanShipper.nowNanos(), Map.of("messaging.destination.name", write.stream(),
                            "listcast.item.id", Long.parseLong(write.key())));
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.block().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
