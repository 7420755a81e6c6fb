package dev.listcast.bench.hop;

import dev.listcast.bench.stack.Loopback;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ListingJson;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends {@link ItemChange}s onto {@value Topics#ITEM_CHANGES} as cdc-ingest does (key = item id, JSON value,
 * {@code traceparent} header, linger 0, acks all, idempotent), noting per item when the send call started (bench
 * clock and wall clock, taken together) and when the broker acknowledged it.
 */
final class ChangeSender implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Map<Long, Long> sentNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> sentMillis = new ConcurrentHashMap<>();
    private final Map<Long, Long> ackedNanos = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    ChangeSender(String bootstrap) {
        Loopback.requireBootstrap(bootstrap);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "listcast-bench-hop",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // the record leaves at once, as cdc-ingest's does
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    void send(ItemChange change) {
        long id = change.itemId();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ITEM_CHANGES, Long.toString(id),
                ListingJson.encode(change));
        record.headers().add(TraceParent.HEADER, TraceParent.newRoot().toString().getBytes(StandardCharsets.US_ASCII));
        sentMillis.put(id, System.currentTimeMillis());
        sentNanos.put(id, System.nanoTime());
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                ackedNanos.put(id, System.nanoTime());
            } else {
                failures.incrementAndGet();
            }
        });
    }

    void flush() {
        producer.flush();
    }

    /** {@link System#nanoTime()} right before each send call, by item id. */
    Map<Long, Long> sentNanos() {
        return Map.copyOf(sentNanos);
    }

    /** Wall clock right before each send call, by item id. */
    Map<Long, Long> sentMillis() {
        return Map.copyOf(sentMillis);
    }

    /** {@link System#nanoTime()} in each acknowledgement callback, by item id. */
    Map<Long, Long> ackedNanos() {
        return Map.copyOf(ackedNanos);
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
