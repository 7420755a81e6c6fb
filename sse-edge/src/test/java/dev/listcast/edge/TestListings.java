package dev.listcast.edge;

import dev.listcast.embedded.SharedInfra;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.ListingKind;
import dev.listcast.events.TraceParent;
import dev.listcast.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Listing events written straight onto {@code listings.<category>} of the shared broker, as the processor would. */
final class TestListings {
    private static final AtomicLong ITEM_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1L << 40));
    private static KafkaProducer<byte[], byte[]> producer;

    private TestListings() {
    }

    /** Creates the topics (one partition, log-append time, as the architecture asks) unless they exist. */
    static synchronized void createTopics(String... categories) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.kafka().bootstrapServers()))) {
            for (String category : categories) {
                try {
                    admin.createTopics(List.of(new NewTopic(Topics.listings(category), 1, (short) 1)
                            .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ListingEvent listing(String category, String title, String description, long priceCents) {
        long itemId = ITEM_IDS.incrementAndGet();
        long now = System.currentTimeMillis();
        return new ListingEvent(itemId + "@mariadb-bin.000001:" + itemId + ":0", ListingKind.LISTING, itemId, title,
                description, category, priceCents, null, "EUR", "good", null, 7, "Ada", 4.8, now, now, now,
                TraceParent.newRoot().toString());
    }

    /** Sends and waits for the broker's acknowledgement. */
    static void produce(ListingEvent... events) {
        for (ListingEvent event : events) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.listings(event.category()),
                    Long.toString(event.itemId()).getBytes(StandardCharsets.UTF_8), ListingJson.encode(event));
            record.headers().add(TraceParent.HEADER, event.traceparent().getBytes(StandardCharsets.US_ASCII));
            try {
                producer().send(record).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }
}
