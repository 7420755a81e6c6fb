package dev.listcast.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.events.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CdcSettingsTest {
    private static final Settings MINIMAL = Settings.of(Map.of("db.password", "secret"));

    @Test
    void shouldDefaultToLowLatencyMariaDbStreamingAfterReadingTheSellers() {
        CdcSettings settings = CdcSettings.from(MINIMAL);

        assertThat(settings).isEqualTo(new CdcSettings(CdcConnector.MARIADB, "127.0.0.1", 3306, "listcast_cdc",
                "secret", "market", 5400, "sellers", Path.of(".listcast/cdc"), 1, Duration.ofMillis(50), 3));
    }

    @Test
    void shouldReadEveryKeyFromTheEnvironment() {
        CdcSettings settings = CdcSettings.from(Settings.from(Map.of(
                "LISTCAST_DB_PASSWORD", "pw", "LISTCAST_DB_HOST", "mysql", "LISTCAST_DB_PORT", "3307",
                "LISTCAST_DB_USER", "cdc", "LISTCAST_DB_NAME", "shop", "LISTCAST_CDC_CONNECTOR", "mysql",
                "LISTCAST_CDC_SERVER_ID", "99", "LISTCAST_CDC_SNAPSHOT", "initial",
                "LISTCAST_CDC_DATA_DIR", "/var/lib/cdc", "LISTCAST_CDC_MAX_BATCH_SIZE", "16")).with(Map.of(
                "cdc.poll.interval.ms", "5", "items.partitions", "6")));

        assertThat(settings).isEqualTo(new CdcSettings(CdcConnector.MYSQL, "mysql", 3307, "cdc", "pw", "shop", 99,
                "initial", Path.of("/var/lib/cdc"), 16, Duration.ofMillis(5), 6));
    }

    @Test
    void shouldRequirePassword() {
        assertThatThrownBy(() -> CdcSettings.from(Settings.of(Map.of())))
                .hasMessage("missing setting db.password (environment variable LISTCAST_DB_PASSWORD)");
    }

    @Test
    void shouldRefuseTheServersOwnId() {
        assertThatThrownBy(() -> CdcSettings.from(MINIMAL.with(Map.of("cdc.server.id", "1"))))
                .hasMessage("cdc.server.id must be in 2..4294967295 (1 is the server's own): 1");
    }

    @Test
    void shouldRefuseUnknownSnapshotMode() {
        assertThatThrownBy(() -> CdcSettings.from(MINIMAL.with(Map.of("cdc.snapshot", "always"))))
                .hasMessage("cdc.snapshot must be sellers, no_data or initial: 'always'");
    }

    @Test
    void shouldRefuseUnknownConnector() {
        assertThatThrownBy(() -> CdcSettings.from(MINIMAL.with(Map.of("cdc.connector", "postgres"))))
                .hasMessage("not a CDC connector (mariadb or mysql): 'postgres'");
    }

    @Test
    void shouldNotPrintThePassword() {
        assertThat(CdcSettings.from(MINIMAL).toString()).doesNotContain("secret");
    }

    @Test
    void shouldKeepOffsetsAndHistoryUnderDataDirAndCommitEveryBatch() {
        Properties props = CdcSettings.from(MINIMAL.with(Map.of("cdc.data.dir", "/data"))).connectorProperties();

        assertThat(props).containsEntry("offset.storage", AtomicFileOffsetBackingStore.class.getName())
                .containsEntry("offset.storage.file.filename", "/data/offsets.dat")
                .containsEntry("offset.flush.interval.ms", "0")
                .containsEntry("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory")
                .containsEntry("schema.history.internal.file.filename", "/data/schema-history.dat")
                .containsEntry("schema.history.internal.store.only.captured.tables.ddl", "true");
    }

    @Test
    void shouldCaptureItemsAndSellersOfTheConfiguredDatabase() {
        Properties props = CdcSettings.from(MINIMAL.with(Map.of("db.name", "shop"))).connectorProperties();

        assertThat(props).containsEntry("connector.class", "io.debezium.connector.mariadb.MariaDbConnector")
                .containsEntry("database.include.list", "shop")
                .containsEntry("table.include.list", "shop.items,shop.sellers")
                .containsEntry("database.server.id", "5400")
                .containsEntry("max.batch.size", "1")
                .containsEntry("poll.interval.ms", "50")
                .containsEntry("snapshot.mode", "initial")
                .containsEntry("snapshot.select.statement.overrides.shop.items", "SELECT * FROM shop.items WHERE 1 = 0")
                .containsEntry("snapshot.locking.mode", "none")
                .containsEntry("converter.schemas.enable", "false")
                .containsEntry("decimal.handling.mode", "double");
    }

    @Test
    void shouldStreamAtOnceWithoutReadingAnyTableInNoDataMode() {
        Properties props = CdcSettings.from(MINIMAL.with(Map.of("cdc.snapshot", "no_data"))).connectorProperties();

        assertThat(props).containsEntry("snapshot.mode", "no_data")
                .doesNotContainKey("snapshot.select.statement.overrides");
    }
}
