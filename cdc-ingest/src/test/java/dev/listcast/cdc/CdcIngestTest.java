package dev.listcast.cdc;

import static dev.listcast.cdc.CdcTestKit.app;
import static dev.listcast.cdc.CdcTestKit.execute;
import static dev.listcast.cdc.CdcTestKit.insertItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.listcast.embedded.SharedInfra;
import dev.listcast.events.ChangeOp;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ItemRow;
import dev.listcast.events.ListingJson;
import dev.listcast.events.SellerChange;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real engine against the shared MariaDB and broker; each test has its own engine and data directory. */
class CdcIngestTest {
    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    private KafkaBusPublisher bus;
    private CdcIngest cdc;
    private Connection db;

    @BeforeEach
    void startCapturing() throws Exception {
        bus = CdcTestKit.bus();
        cdc = CdcIngest.start(CdcTestKit.settings(), bus);
        db = app();
        // Streaming from "now" (no_data): rows committed before the binlog reader connected are not captured.
        await().atMost(ARRIVAL).until(() -> cdc.status().connected());
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
        cdc.close();
        bus.close();
    }

    @Test
    void shouldPublishInsertedListingWithItsFieldsPositionAndTraceparent() throws Exception {
        long id = insertItem(db, "Brass lamp", "Works.", "home", 2500L, "LISTED");

        try (ChangeReader reader = new ChangeReader(Topics.ITEM_CHANGES)) {
            reader.awaitKeys(List.of(Long.toString(id)), ARRIVAL);
            ConsumerRecord<String, byte[]> record = reader.recordsOf(Long.toString(id)).getFirst();
            ItemChange change = ListingJson.itemChange(record.value());

            assertThat(change.op()).isEqualTo(ChangeOp.CREATE);
            assertThat(change.after()).isEqualTo(
                    new ItemRow(id, 1L, "Brass lamp", "Works.", "home", 2500L, "EUR", null, null, "LISTED"));
            assertThat(change.position().file()).startsWith("mariadb-bin.");
            assertThat(change.committedAt()).isPositive().isLessThanOrEqualTo(change.capturedAt());
            assertThat(TraceParent.parse(header(record, TraceParent.HEADER))).isPresent();
        }
    }

    @Test
    void shouldReportWhatItPublishedInStatus() throws Exception {
        long id = insertItem(db, "Status probe", null, "home", 100L, "LISTED");

        try (ChangeReader reader = new ChangeReader(Topics.ITEM_CHANGES)) {
            reader.awaitKeys(List.of(Long.toString(id)), ARRIVAL);
            ItemChange change = ListingJson.itemChange(reader.recordsOf(Long.toString(id)).getFirst().value());

            await().atMost(ARRIVAL).until(() -> cdc.status().lastPosition().equals(change.position().toString()));
            CdcStatus status = cdc.status();
            assertThat(status.connected()).isTrue();
            assertThat(status.recordsPublished()).isPositive();
            assertThat(status.lastCommitToCaptureMillis()).isNotNegative();
        }
    }

    @Test
    void shouldExposeItsStatusAsJmxMetrics() throws Exception {
        insertItem(db, "Metrics probe", null, "bikes", 100L, "LISTED");
        ObjectName name = new ObjectName("dev.listcast:type=cdc-ingest");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();

        await().atMost(ARRIVAL).until(() -> cdc.status().recordsPublished() > 0);
        assertThat(server.getAttribute(name, "Connected")).isEqualTo(true);
        assertThat((Long) server.getAttribute(name, "RecordsPublished")).isPositive();
        assertThat((String) server.getAttribute(name, "LastPosition")).isNotEmpty();
    }

    @Test
    void shouldPublishRelistingUpdateWithBeforeAndAfterRows() throws Exception {
        long id = insertItem(db, "Bike", null, "sports", 9000L, "SOLD");
        execute(db, "UPDATE items SET status = 'LISTED', price_cents = 8000 WHERE id = " + id);

        try (ChangeReader reader = new ChangeReader(Topics.ITEM_CHANGES)) {
            ItemChange relisting = ListingJson.itemChange(
                    reader.awaitCount(Long.toString(id), 2, ARRIVAL).get(1).value());

            assertThat(relisting.op()).isEqualTo(ChangeOp.UPDATE);
            assertThat(relisting.before().status()).isEqualTo("SOLD");
            assertThat(relisting.after().status()).isEqualTo("LISTED");
            assertThat(relisting.after().priceCents()).isEqualTo(8000L);
        }
    }

    @Test
    void shouldPublishSellerChangeOnCompactedTopic() throws Exception {
        long id;
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO sellers (display_name, rating, city) VALUES ('Nina''s Nook', 4.25, 'Vienna')",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }

        try (ChangeReader reader = new ChangeReader(Topics.SELLER_CHANGES)) {
            reader.awaitKeys(List.of(Long.toString(id)), ARRIVAL);
            SellerChange change = ListingJson.sellerChange(reader.recordsOf(Long.toString(id)).getFirst().value());

            assertThat(change.after().displayName()).isEqualTo("Nina's Nook");
            assertThat(change.after().rating()).isEqualTo(4.25);
            assertThat(change.after().city()).isEqualTo("Vienna");
        }
        assertThat(cleanupPolicy(Topics.SELLER_CHANGES)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void shouldSnapshotTheExistingSellersOnAFirstStart() throws Exception {
        try (ChangeReader reader = new ChangeReader(Topics.SELLER_CHANGES)) {
            reader.awaitKeys(List.of("1", "2"), ARRIVAL);
            SellerChange kemal = ListingJson.sellerChange(reader.recordsOf("2").getFirst().value());

            assertThat(kemal.op()).isEqualTo(ChangeOp.SNAPSHOT);
            assertThat(kemal.after().displayName()).isEqualTo("Kicks by Kemal");
        }
    }

    @Test
    void shouldKeepCapturingAcrossAlterTable() throws Exception {
        String column = "scratch_" + System.nanoTime();
        long before = insertItem(db, "Before the ALTER", null, "home", 100L, "LISTED");
        execute(db, "ALTER TABLE items ADD COLUMN " + column + " VARCHAR(20) NULL");
        try {
            long during = insertItem(db, "With the new column", null, "home", 200L, "LISTED");
            execute(db, "UPDATE items SET " + column + " = 'x' WHERE id = " + during);
            execute(db, "ALTER TABLE items DROP COLUMN " + column);
            long after = insertItem(db, "After the DROP", null, "home", 300L, "LISTED");

            try (ChangeReader reader = new ChangeReader(Topics.ITEM_CHANGES)) {
                reader.awaitKeys(List.of(Long.toString(before), Long.toString(during), Long.toString(after)),
                        ARRIVAL);
                assertThat(ListingJson.itemChange(reader.recordsOf(Long.toString(after)).getFirst().value())
                        .after().title()).isEqualTo("After the DROP");
            }
            assertThat(cdc.status().deadLetters()).isZero();
        } finally {
            execute(db, "ALTER TABLE items DROP COLUMN IF EXISTS " + column);
        }
    }

    @Test
    void shouldCaptureOddRowsIntact() throws Exception {
        String longDescription = "é".repeat(32 * 1024); // 64 KB of UTF-8
        String mixedScript = "Vintage 📷 camera — كاميرا قديمة — מצלמה";
        long nulls = insertItem(db, null, null, null, null, "LISTED");
        long huge = insertItem(db, "Long story", longDescription, "books", 500L, "LISTED");
        long emoji = insertItem(db, mixedScript, "🎉🎉", "cameras", 12000L, "LISTED");
        long unknown = insertItem(db, "Mystery box", null, "no-such-category", 700L, "LISTED");

        try (ChangeReader reader = new ChangeReader(Topics.ITEM_CHANGES)) {
            reader.awaitKeys(List.of(Long.toString(nulls), Long.toString(huge), Long.toString(emoji),
                    Long.toString(unknown)), ARRIVAL);

            assertThat(after(reader, nulls)).isEqualTo(
                    new ItemRow(nulls, 1L, null, null, null, null, "EUR", null, null, "LISTED"));
            assertThat(after(reader, huge).description()).isEqualTo(longDescription);
            assertThat(after(reader, emoji).title()).isEqualTo(mixedScript);
            assertThat(after(reader, emoji).description()).isEqualTo("🎉🎉");
            assertThat(after(reader, unknown).category()).isEqualTo("no-such-category");
        }
    }

    private static ItemRow after(ChangeReader reader, long id) {
        return ListingJson.itemChange(reader.recordsOf(Long.toString(id)).getFirst().value()).after();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String cleanupPolicy(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.kafka().bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(Set.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }
}
