package dev.listcast.bench.fanout;

import dev.listcast.events.TraceParent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes listing events straight onto a listing topic, where the edge consumes them (the stream processor's job). */
final class KafkaListingPublisher implements Publisher {
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong failures = new AtomicLong();

    KafkaListingPublisher(String bootstrap) {
        // linger 0: the event leaves at once, as the stream processor is tuned to do
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "listcast-bench"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(long itemId, byte[] body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(FanoutEvents.TOPIC, Long.toString(itemId), body);
        record.headers().add(TraceParent.HEADER,
                TraceParent.newRoot().toString().getBytes(StandardCharsets.US_ASCII));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failures.incrementAndGet();
            }
        });
    }

    @Override
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
