package dev.listcast.cdc;

import static dev.listcast.cdc.CdcTestKit.app;
import static dev.listcast.cdc.CdcTestKit.insertItem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.BinlogPosition;
import dev.listcast.events.ListingJson;
import dev.listcast.events.Settings;
import dev.listcast.events.Topics;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A real kill -9: {@link CdcMain} runs in a child JVM that is destroyed forcibly while rows stream through it,
 * then a second child resumes from the same data directory. At-least-once means no row is missing, and a row
 * published twice carries the same binlog position both times (so downstream dedupe works).
 */
class CdcCrashTest {
    private static final int ROWS = 200;
    private static final int SEEN_BEFORE_KILL = 40;
    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    @Test
    void shouldLoseNothingAcrossKillMinusNine() throws Exception {
        Map<String, String> settings = CdcTestKit.settingsMap();
        List<Process> children = new ArrayList<>();
        // The reader must see the topic's partitions before the child would create it.
        try (KafkaBusPublisher bus = CdcTestKit.bus()) {
            bus.ensureTopic(Topics.ITEM_CHANGES, CdcSettings.from(Settings.of(settings)).itemsPartitions(), false);
        }
        try (Connection db = app(); ChangeReader reader = new ChangeReader(Topics.ITEM_CHANGES)) {
            children.add(startChild(settings, "first"));
            awaitCapturing(db, reader);

            List<String> inserted = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> inserting = CompletableFuture.runAsync(() -> insertPaced(inserted));
            awaitSeen(reader, inserted, SEEN_BEFORE_KILL);
            children.getFirst().destroyForcibly().waitFor();
            inserting.join();

            children.add(startChild(settings, "second"));
            reader.awaitKeys(inserted, ARRIVAL);

            int duplicates = 0;
            for (String id : inserted) {
                List<ConsumerRecord<String, byte[]>> records = reader.recordsOf(id);
                Set<BinlogPosition> positions = records.stream()
                        .map(record -> ListingJson.itemChange(record.value()).position()).collect(Collectors.toSet());
                assertThat(positions).as("positions of item %s", id).hasSize(1);
                duplicates += records.size() - 1;
            }
            assertThat(inserted).hasSize(ROWS);
            System.out.printf("crash test: %d rows, %d replayed after kill -9%n", ROWS, duplicates);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    /** Inserts DRAFT probes until one comes through: the child's binlog reader is then connected. */
    private static void awaitCapturing(Connection db, ChangeReader reader) throws Exception {
        Instant deadline = Instant.now().plus(ARRIVAL);
        while (Instant.now().isBefore(deadline)) {
            String probe = Long.toString(insertItem(db, "probe", null, null, null, "DRAFT"));
            try {
                reader.awaitKeys(List.of(probe), Duration.ofSeconds(1));
                return;
            } catch (AssertionError notYet) {
                // The child is still starting; the next probe will tell.
            }
        }
        throw new AssertionError("the child JVM captured nothing within " + ARRIVAL);
    }

    /** One row every ~5 ms, so the kill lands while rows are in flight. */
    private static void insertPaced(List<String> inserted) {
        try (Connection db = app()) {
            for (int i = 0; i < ROWS; i++) {
                inserted.add(Long.toString(insertItem(db, "crash row " + i, null, "home", 100L + i, "LISTED")));
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException("inserting failed", e);
        }
    }

    private static void awaitSeen(ChangeReader reader, List<String> inserted, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(ARRIVAL);
        while (Instant.now().isBefore(deadline)) {
            List<String> firstRows = List.copyOf(inserted.subList(0, Math.min(count, inserted.size())));
            if (firstRows.size() == count) {
                reader.awaitKeys(firstRows, ARRIVAL);
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("fewer than " + count + " rows inserted within " + ARRIVAL);
    }

    private static Process startChild(Map<String, String> settings, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java,
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-Xmx256m"));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.addAll(List.of("-cp", classPath, CdcMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/cdc-crash-child-" + name + ".log"));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("LISTCAST_"));
        settings.forEach((key, value) -> builder.environment().put(Settings.variableOf(key), value));
        return builder.start();
    }
}
