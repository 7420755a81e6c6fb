package dev.listcast.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.DeadLetter;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.Topics;
import dev.listcast.processor.listing.ItemChanges;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ConsoleProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Junk typed into Kafka's own console producer, the way an operator (or a broken producer) would send it. */
class ConsoleProducerTest {
    private static final String JUNK_KEY = "junk-2000001";
    private static final String JUNK = "this is not an item change";
    private static final long GOOD_ITEM = 2_000_002L;

    @TempDir
    Path stateDir;

    @Test
    void shouldSendJunkToDeadLetterTopicAndKeepListingsFlowing() throws Exception {
        try (ListingStreams streams = ListingStreams.start(Broker.settings("console-producer-test", stateDir))) {
            String good = new String(ListingJson.encode(ItemChanges.created(ItemChanges.listed(GOOD_ITEM), 1)),
                    StandardCharsets.UTF_8);
            runConsoleProducer(JUNK_KEY + "|" + JUNK + "\n" + GOOD_ITEM + "|" + good + "\n");

            DeadLetter letter = awaitDeadLetter(JUNK_KEY, Duration.ofSeconds(60));
            assertThat(letter.reason()).startsWith("invalid ItemChange: ");
            assertThat(letter.sourceTopic()).isEqualTo(Topics.ITEM_CHANGES);
            assertThat(new String(letter.original(), StandardCharsets.UTF_8)).isEqualTo(JUNK);
            assertThat(Broker.readListings(Set.of(GOOD_ITEM), Duration.ofSeconds(60)))
                    .extracting(ListingEvent::itemId).containsExactly(GOOD_ITEM);
        }
    }

    /**
     * Runs {@code kafka-console-producer} in this JVM on {@code lines} as its standard input. It ends by calling
     * {@link Exit#exit} and closes its producer from a shutdown hook: both are redirected here, or it would stop
     * the test JVM.
     */
    private static void runConsoleProducer(String lines) {
        List<Runnable> hooks = new ArrayList<>();
        int[] exitCode = {-1};
        InputStream stdin = System.in;
        Exit.setExitProcedure((code, message) -> exitCode[0] = exitCode[0] < 0 ? code : exitCode[0]);
        Exit.setShutdownHookAdder((name, hook) -> hooks.add(hook));
        System.setIn(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
        try {
            ConsoleProducer.main(new String[] {
                    "--bootstrap-server", Broker.bootstrap(),
                    "--topic", Topics.ITEM_CHANGES,
                    "--sync",
                    "--property", "parse.key=true",
                    "--property", "key.separator=|"});
        } finally {
            hooks.forEach(Runnable::run);
            System.setIn(stdin);
            Exit.resetExitProcedure();
            Exit.resetShutdownHookAdder();
        }
        assertThat(exitCode[0]).as("console producer exit code").isZero();
    }

    private static DeadLetter awaitDeadLetter(String key, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = Broker.readCommitted()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTERS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                assertThat(Instant.now()).as("dead letter keyed %s by %s", key, deadline).isBefore(deadline);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(record.key())) {
                        return ListingJson.deadLetter(record.value());
                    }
                }
            }
        }
    }
}
