package dev.listcast.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.ListingEvent;
import dev.listcast.events.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every listing reaches read_committed consumers exactly once, across a killed processor and shared work. */
class ExactlyOnceTest {

    @TempDir
    Path stateDir;

    @TempDir
    Path secondStateDir;

    @Test
    void shouldEmitEveryListingOnceAcrossProcessorKilledMidStream() throws Exception {
        String applicationId = "exactly-once-crash-test";
        Set<Long> items = itemIds(3_000_001L, 600);
        List<Long> ordered = items.stream().sorted().toList();
        Broker.ensureTopics();
        try (KafkaProducer<String, byte[]> producer = Broker.producer()) {
            ordered.subList(0, 200).forEach(id -> Broker.sendListing(producer, id));
            producer.flush();

            Process child = startChildProcessor(applicationId);
            try {
                Broker.readListings(Set.of(ordered.getFirst()), Duration.ofSeconds(90));
                // Keep records flowing while the processor dies, so it dies with work in flight.
                for (long id : ordered.subList(200, 400)) {
                    Broker.sendListing(producer, id);
                }
            } finally {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            ordered.subList(400, 600).forEach(id -> Broker.sendListing(producer, id));
            // CDC replaying what it had already captured, as it does after its own crash.
            ordered.subList(0, 50).forEach(id -> Broker.sendListing(producer, id));
            producer.flush();
        }

        try (ListingStreams restarted = ListingStreams.start(Broker.settings(applicationId, stateDir))) {
            Broker.readListings(items, Duration.ofSeconds(120));
        }
        List<ListingEvent> events = Broker.readListings(items, Duration.ofSeconds(60));

        assertThat(events).extracting(ListingEvent::itemId).containsAll(items);
        assertThat(Broker.countByEventId(events)).allSatisfy((eventId, count) -> assertThat(count)
                .as("copies of %s", eventId).isOne());
    }

    @Test
    void shouldEmitEveryListingOnceWithTwoInstancesSharingTheWork() throws Exception {
        String applicationId = "exactly-once-shared-test";
        Set<Long> items = itemIds(4_000_001L, 300);
        try (ListingStreams first = ListingStreams.start(Broker.settings(applicationId, stateDir));
                ListingStreams second = ListingStreams.start(Broker.settings(applicationId, secondStateDir))) {
            assertThat(groupMembers(applicationId)).isEqualTo(2);
            try (KafkaProducer<String, byte[]> producer = Broker.producer()) {
                items.forEach(id -> Broker.sendListing(producer, id));
            }
            Broker.readListings(items, Duration.ofSeconds(90));
        }
        List<ListingEvent> events = Broker.readListings(items, Duration.ofSeconds(60));

        assertThat(Broker.countByEventId(events)).hasSize(items.size()).allSatisfy((eventId, count) ->
                assertThat(count).as("copies of %s", eventId).isOne());
    }

    private static Set<Long> itemIds(long first, int count) {
        return LongStream.range(first, first + count).boxed().collect(Collectors.toSet());
    }

    private static int groupMembers(String applicationId) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrap()))) {
            return admin.describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId)
                    .get(30, TimeUnit.SECONDS).members().size();
        }
    }

    /** {@link ProcessorMain} in its own JVM, configured through the environment as in production. */
    private Process startChildProcessor(String applicationId) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-Xmx256m"));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessorMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                // Kept in target/ (not a temporary directory) to be read when the test fails.
                .redirectOutput(Path.of("target", "exactly-once-child.log").toFile());
        Broker.settingsMap(applicationId, stateDir)
                .forEach((key, value) -> builder.environment().put(Settings.variableOf(key), value));
        return builder.start();
    }
}
