package dev.listcast.edge.source;

import dev.listcast.events.Topics;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every partition of every {@code listings.<category>} topic with one group-less consumer: each edge must see
 * every listing (it fans out to its own clients), so partitions are {@code assign}ed, never balanced across a group.
 * The first assignment starts at the end (older history is served by {@link #replay}); topics found later by the
 * periodic refresh start at their beginning, because everything in them was produced after this edge started.
 * A failing broker pauses reading, never ends it.
 */
public final class KafkaListingSource implements ListingSource {
    private static final System.Logger LOG = System.getLogger(KafkaListingSource.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final SourceSettings settings;
    private final String clientId = "listcast-edge-" + UUID.randomUUID().toString().substring(0, 8);
    private final ReaderThread reader = new ReaderThread();
    private volatile boolean ready;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    public KafkaListingSource(SourceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start(SourceListener listener) {
        reader.start(clientId, () -> {
            consumer = new KafkaConsumer<>(properties(clientId));
            return () -> run(listener);
        });
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    private void run(SourceListener listener) {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextRefresh = 0;
        try (KafkaConsumer<byte[], byte[]> kafka = consumer) {
            while (reader.running()) {
                try {
                    if (System.currentTimeMillis() >= nextRefresh) {
                        refresh(kafka, assigned, listener);
                        nextRefresh = System.currentTimeMillis() + settings.refresh().toMillis();
                    }
                    if (assigned.isEmpty()) {
                        Thread.sleep(Math.min(settings.refresh().toMillis(), POLL.toMillis()));
                        continue;
                    }
                    for (ConsumerRecord<byte[], byte[]> r : kafka.poll(POLL)) {
                        if (r.value() != null) {
                            listener.onRecord(new SourcedRecord(key(r.topic(), r.partition()), r.offset(),
                                    r.timestamp(), r.value()));
                        }
                    }
                } catch (KafkaException e) {
                    if (e instanceof WakeupException) {
                        throw e;
                    }
                    // The consumer keeps its positions: after a pause, reading goes on where it stopped.
                    LOG.log(Level.WARNING, "cannot read listings from " + settings.bootstrap() + ", retrying in "
                            + RETRY.toMillis() + " ms: " + e);
                    Thread.sleep(RETRY.toMillis());
                    nextRefresh = 0;
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "listing source stopped", e);
        } finally {
            ready = false;
        }
    }

    /**
     * Assigns listing partitions not read yet: at their end on the first look (older history is {@link #replay}ed),
     * at their beginning later (everything in them was logged after this edge started reading).
     */
    private void refresh(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> assigned, SourceListener listener) {
        Map<String, List<PartitionInfo>> topics;
        try {
            topics = kafka.listTopics(ADMIN_TIMEOUT);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.log(Level.WARNING, "cannot list topics at " + settings.bootstrap() + ", retrying");
            return;
        }
        List<TopicPartition> found = new ArrayList<>();
        topics.forEach((topic, partitions) -> {
            if (Topics.LISTINGS.matcher(topic).matches()) {
                partitions.forEach(p -> found.add(new TopicPartition(topic, p.partition())));
            }
        });
        found.removeAll(assigned);
        boolean first = !ready;
        if (found.isEmpty() && !first) {
            return;
        }
        Set<TopicPartition> all = new HashSet<>(assigned);
        all.addAll(found);
        kafka.assign(all);
        Map<String, Long> positions = new HashMap<>();
        try {
            if (first) {
                kafka.seekToEnd(found);
            } else {
                kafka.seekToBeginning(found);
            }
            found.forEach(tp -> positions.put(key(tp.topic(), tp.partition()), kafka.position(tp, ADMIN_TIMEOUT)));
        } catch (KafkaException e) {
            // A new topic whose leader is still being elected: take it up again on the next look.
            kafka.assign(assigned);
            throw e;
        }
        assigned.addAll(found);
        listener.onAssigned(positions);
        ready = true;
        LOG.log(Level.INFO, "reading " + found.size() + " new listing partitions, " + assigned.size() + " in all");
    }

    @Override
    public List<SourcedRecord> replay(long fromTimestamp, Map<String, Long> until) {
        Duration timeout = settings.replayTimeout();
        if (until.isEmpty()) {
            return List.of();
        }
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(properties(clientId + "-replay"))) {
            Map<TopicPartition, Long> query = new HashMap<>();
            until.keySet().forEach(k -> query.put(partitionOf(k), fromTimestamp));
            Map<TopicPartition, Long> starts = new HashMap<>();
            Map<TopicPartition, Long> remaining = new HashMap<>();
            kafka.offsetsForTimes(query, timeout).forEach((tp, start) -> {
                long stop = until.get(key(tp.topic(), tp.partition()));
                // null: nothing logged at or after the timestamp, so the live reader has it all
                if (start != null && start.offset() < stop) {
                    starts.put(tp, start.offset());
                    remaining.put(tp, stop);
                }
            });
            kafka.assign(remaining.keySet());
            starts.forEach(kafka::seek);
            return readUntil(kafka, remaining, System.nanoTime() + timeout.toNanos());
        }
    }

    private static List<SourcedRecord> readUntil(KafkaConsumer<byte[], byte[]> kafka, Map<TopicPartition, Long> remaining,
            long deadline) {
        List<SourcedRecord> records = new ArrayList<>();
        while (!remaining.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replay from Kafka timed out with " + remaining.size()
                        + " partitions unread");
            }
            for (ConsumerRecord<byte[], byte[]> r : kafka.poll(POLL)) {
                Long stop = remaining.get(new TopicPartition(r.topic(), r.partition()));
                if (stop != null && r.offset() < stop && r.value() != null) {
                    records.add(new SourcedRecord(key(r.topic(), r.partition()), r.offset(), r.timestamp(), r.value()));
                }
            }
            // Transaction markers occupy offsets too: compare positions, not the last record's offset.
            List<TopicPartition> done = remaining.entrySet().stream()
                    .filter(e -> kafka.position(e.getKey()) >= e.getValue()).map(Map.Entry::getKey).toList();
            done.forEach(remaining::remove);
            kafka.pause(done);
        }
        return records;
    }

    @Override
    public void close() {
        reader.stop(() -> consumer.wakeup());
    }

    private Properties properties(String id) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, id);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, settings.isolation());
        // fetch.min.bytes stays 1, so a fetch answers as soon as a record is appended; a short max wait only makes
        // topic refreshes and close() prompt.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        return p;
    }

    private static String key(String topic, int partition) {
        return topic + "-" + partition;
    }

    private static TopicPartition partitionOf(String key) {
        int dash = key.lastIndexOf('-');
        return new TopicPartition(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)));
    }
}
