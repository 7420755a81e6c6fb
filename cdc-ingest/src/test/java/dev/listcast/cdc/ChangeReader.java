package dev.listcast.cdc;

import dev.listcast.embedded.SharedInfra;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one topic of the shared broker from its start, keeping the records whose keys a test cares about. */
final class ChangeReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();

    ChangeReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until records of all {@code keys} arrived (or the timeout passed); returns every kept record so far. */
    List<ConsumerRecord<String, byte[]>> awaitKeys(Collection<String> keys, Duration timeout) {
        Set<String> missing = new HashSet<>(keys);
        kept.forEach(record -> missing.remove(record.key()));
        Instant deadline = Instant.now().plus(timeout);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                kept.add(record);
                missing.remove(record.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("no record within " + timeout + " for keys " + missing);
        }
        return List.copyOf(kept);
    }

    /** Polls until {@code count} records of {@code key} arrived; returns them in topic order. */
    List<ConsumerRecord<String, byte[]>> awaitCount(String key, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (recordsOf(key).size() < count && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(kept::add);
        }
        List<ConsumerRecord<String, byte[]>> records = recordsOf(key);
        if (records.size() < count) {
            throw new AssertionError(records.size() + " of " + count + " records within " + timeout + " for key " + key);
        }
        return records;
    }

    /** The kept records of {@code key}, in topic order. */
    List<ConsumerRecord<String, byte[]>> recordsOf(String key) {
        return kept.stream().filter(record -> key.equals(record.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
