package dev.listcast.cdc;

import dev.listcast.events.BusPublisher;
import dev.listcast.events.BusRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka bus: an idempotent producer whose futures complete on the {@code acks=all} acknowledgement, and an
 * admin client that creates topics on purpose (the broker never auto-creates them).
 *
 * <pre>{@code
 * try (KafkaBusPublisher bus = KafkaBusPublisher.create("127.0.0.1:9092", Map.of())) {
 *     bus.ensureTopic(Topics.ITEM_CHANGES, 3, false);
 *     bus.publish(record).join();
 * }
 * }</pre>
 */
public final class KafkaBusPublisher implements BusPublisher {
    private static final Logger LOG = Logger.getLogger(KafkaBusPublisher.class.getName());
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;
    private final Admin admin;

    private KafkaBusPublisher(Producer<String, byte[]> producer, Admin admin) {
        this.producer = producer;
        this.admin = admin;
    }

    /**
     * Connects to {@code bootstrapServers}.
     *
     * @param producerOverrides producer settings that win over the defaults here (e.g. from the
     *     {@code kafka.producer.} settings), for security or tuning on a real cluster
     */
    public static KafkaBusPublisher create(String bootstrapServers, Map<String, String> producerOverrides) {
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "listcast-cdc-admin");
        return new KafkaBusPublisher(
                new KafkaProducer<>(producerConfig(bootstrapServers, producerOverrides),
                        new StringSerializer(), new ByteArraySerializer()),
                Admin.create(admin));
    }

    static Map<String, Object> producerConfig(String bootstrapServers, Map<String, String> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "listcast-cdc");
        // The ack is what lets Debezium's offset move: it must mean "on every in-sync replica".
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Producer retries then never duplicate or reorder a change within its partition.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Kafka 4 waits 5 ms by default to fill batches; a listing is one row and should leave at once.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.putAll(overrides);
        return config;
    }

    @Override
    public CompletableFuture<Void> publish(BusRecord record) {
        List<Header> headers = new ArrayList<>(record.headers().size());
        record.headers().forEach((name, value) ->
                headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers),
                    (metadata, error) -> {
                        if (error == null) {
                            acked.complete(null);
                        } else {
                            acked.completeExceptionally(error);
                        }
                    });
        } catch (KafkaException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /**
     * Creates {@code topic} unless it exists (an existing topic is left as it is). The replication factor is the
     * broker's {@code default.replication.factor}: 1 on the single-node devstack, whatever a real cluster says.
     */
    @Override
    public void ensureTopic(String topic, int partitions, boolean compacted) {
        NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty());
        if (compacted) {
            newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        try {
            admin.createTopics(List.of(newTopic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(() -> "created topic " + topic + " (" + partitions + " partitions"
                    + (compacted ? ", compacted)" : ")"));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + ": no answer in " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    /** Sends what is buffered, then closes. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
