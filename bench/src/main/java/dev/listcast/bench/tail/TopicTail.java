package dev.listcast.bench.tail;

import dev.listcast.bench.stack.Loopback;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer assigned to the end of every partition of one topic, noting when each record arrived, by item id
 * (the record key, a decimal string on every Listcast topic). It polls on its own thread from {@link #open} until
 * {@link #close}. No group: nothing is committed and nobody else's assignment moves.
 */
public final class TopicTail implements AutoCloseable {
    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<Long, Arrival> first = new ConcurrentHashMap<>();
    private final Map<Long, Integer> copies = new ConcurrentHashMap<>();
    private final AtomicLong unreadable = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    private TopicTail(String name, KafkaConsumer<String, byte[]> consumer) {
        this.name = name;
        this.consumer = consumer;
        this.poller = Thread.ofPlatform().name("tail-" + name).daemon().unstarted(this::poll);
    }

    /** Assigns every partition of {@code topic}, positioned at its end now, and starts polling. */
    public static TopicTail open(String bootstrap, String topic, IsolationLevel isolation) {
        Loopback.requireBootstrap(bootstrap);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "listcast-bench-" + topic + "-" + isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        // as the edge does: fetch.min.bytes stays 1, so a fetch answers as soon as a record is appended (or, for
        // read_committed, as soon as its transaction commits); the short max wait only makes close() prompt
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " has no partitions at " + bootstrap);
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the end now, or records sent before the first poll would be skipped
        partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(10)));
        TopicTail tail = new TopicTail(topic + "-" + isolation.toString().toLowerCase(java.util.Locale.ROOT),
                consumer);
        tail.poller.start();
        return tail;
    }

    private void poll() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    receive(record, now);
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void receive(ConsumerRecord<String, byte[]> record, long now) {
        long id;
        try {
            id = Long.parseLong(record.key());
        } catch (NumberFormatException e) {
            unreadable.incrementAndGet();
            return;
        }
        first.putIfAbsent(id, new Arrival(now, record.timestamp(), record.value()));
        copies.merge(id, 1, Integer::sum);
    }

    /** Waits until every one of {@code ids} arrived or {@code deadlineNanos} passed; true when all did. */
    public boolean awaitAll(Collection<Long> ids, long deadlineNanos) throws InterruptedException {
        while (!first.keySet().containsAll(ids)) {
            if (System.nanoTime() >= deadlineNanos || !poller.isAlive()) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    public String name() {
        return name;
    }

    /** The first copy of each record so far, by item id. */
    public Map<Long, Arrival> arrivals() {
        return Map.copyOf(first);
    }

    /** How often each record was received so far, by item id. */
    public Map<Long, Integer> copies() {
        return Map.copyOf(copies);
    }

    /** Records whose key was not an item id. */
    public long unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(5));
    }
}
