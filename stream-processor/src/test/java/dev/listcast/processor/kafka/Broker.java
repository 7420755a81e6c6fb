package dev.listcast.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.embedded.SharedInfra;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.Settings;
import dev.listcast.events.Taxonomy;
import dev.listcast.events.Topics;
import dev.listcast.processor.listing.ItemChanges;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The shared in-process broker as the real-broker tests use it: settings for a processor, a producer of item
 * changes and a {@code read_committed} reader of listing topics. Tests share topics, so each test uses its own
 * item ids and reads only those back.
 */
final class Broker {
    private Broker() {
    }

    static String bootstrap() {
        return SharedInfra.kafka().bootstrapServers();
    }

    /**
     * Settings for one processor instance. The short session timeout lets a restarted instance take over a
     * killed one's partitions in seconds rather than the default 45.
     */
    static ProcessorSettings settings(String applicationId, Path stateDir) {
        return ProcessorSettings.from(Settings.of(settingsMap(applicationId, stateDir)));
    }

    static Map<String, String> settingsMap(String applicationId, Path stateDir) {
        return Map.of(
                "kafka.bootstrap", bootstrap(),
                "processor.application.id", applicationId,
                "processor.state.dir", stateDir.toString(),
                "processor.streams.session.timeout.ms", "6000",
                "processor.streams.heartbeat.interval.ms", "1000");
    }

    /** Creates the pipeline's topics, as a started processor would, so records can be produced beforehand. */
    static void ensureTopics() {
        ListingTopics.ensure(settings("topic-setup", Path.of("unused")), Taxonomy.standard());
    }

    static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends a created-and-listed change of item {@code itemId}, at binlog offset {@code itemId}. */
    static void sendListing(KafkaProducer<String, byte[]> producer, long itemId) {
        producer.send(new ProducerRecord<>(Topics.ITEM_CHANGES, Long.toString(itemId),
                ListingJson.encode(ItemChanges.created(ItemChanges.listed(itemId), itemId))));
    }

    /**
     * Reads every listing topic from the start with {@code read_committed} until each of {@code itemIds} has an
     * event, then on to the end of every partition, and returns the events of those items.
     */
    static List<ListingEvent> readListings(Set<Long> itemIds, Duration timeout) {
        List<ListingEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = readCommitted()) {
            List<TopicPartition> partitions = Taxonomy.standard().categories().stream()
                    .flatMap(category -> consumer.partitionsFor(Topics.listings(category)).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            Predicate<List<ListingEvent>> complete =
                    events -> events.stream().map(ListingEvent::itemId).distinct().count() == itemIds.size();
            while (!complete.test(found) || !atEnd(consumer, partitions)) {
                assertThat(Instant.now()).as("listings of %s items seen by %s", itemIds.size(), deadline)
                        .isBefore(deadline);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    ListingEvent event = ListingJson.listingEvent(record.value());
                    if (itemIds.contains(event.itemId())) {
                        found.add(event);
                    }
                }
            }
        }
        return found;
    }

    static Map<String, Integer> countByEventId(List<ListingEvent> events) {
        Map<String, Integer> counts = new HashMap<>();
        events.forEach(event -> counts.merge(event.eventId(), 1, Integer::sum));
        return counts;
    }

    static KafkaConsumer<String, byte[]> readCommitted() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
    }
}
