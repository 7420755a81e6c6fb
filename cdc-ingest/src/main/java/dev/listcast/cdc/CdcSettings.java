package dev.listcast.cdc;

import dev.listcast.events.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

/**
 * Typed settings of cdc-ingest and the Debezium connector properties they become. Each setting is read once
 * here, with its default and the reason for it; the environment variable of key {@code cdc.server.id} is
 * {@code LISTCAST_CDC_SERVER_ID} (see {@link Settings}).
 *
 * <pre>{@code
 * CdcSettings settings = CdcSettings.from(Settings.fromEnvironment());
 * Properties props = settings.connectorProperties();
 * }</pre>
 *
 * @param serverId the replica id the connector uses on the binlog: must differ from the server's own id (1 in
 *     devstack) and from every other replica or CDC client of the same server, which would kick each other off
 * @param snapshot what to read before streaming, on a first start: {@code sellers} (the default) reads the existing
 *     sellers only, because enrichment needs every seller while old items are no news; {@code no_data} streams
 *     from the current binlog position at once (2–4 s after a cold start); {@code initial} first reads every
 *     existing row of both tables (~15 s per 100k items)
 * @param dataDir where the offsets and the schema history live; its loss means starting over per {@code snapshot}
 * @param maxBatchSize Debezium's {@code max.batch.size}: the queue hands over a batch only once it is full or
 *     {@code pollInterval} passed, so 1 hands every row over at once (FACTS.md: 0.6 ms p50 against 499 ms with
 *     the defaults); the price is one bus acknowledgement wait per row, which caps throughput near 1/ack-latency
 * @param pollInterval Debezium's {@code poll.interval.ms}: with a batch size of 1 a row wakes the poll at once,
 *     so this only sets how often an idle engine wakes up (1 ms burns 30 % of a core); with bigger batches it is
 *     the worst-case wait of a lone row
 * @param itemsPartitions partitions of the item and seller change topics (same count, so a processor can
 *     co-partition items re-keyed by seller with the sellers table)
 */
public record CdcSettings(
        CdcConnector connector,
        String dbHost,
        int dbPort,
        String dbUser,
        String dbPassword,
        String dbName,
        long serverId,
        String snapshot,
        Path dataDir,
        int maxBatchSize,
        Duration pollInterval,
        int itemsPartitions) {

    /** Name of the engine and of its offsets; one engine per data directory. */
    static final String ENGINE_NAME = "listcast-cdc";
    /** Debezium's logical server name: prefixes its internal destinations and names its JMX metrics. */
    static final String TOPIC_PREFIX = "listcast";
    static final String ITEMS_TABLE = "items";
    static final String SELLERS_TABLE = "sellers";

    private static final Set<String> SNAPSHOT_MODES = Set.of("sellers", "no_data", "initial");

    public CdcSettings {
        check(connector != null, "connector == null");
        check(dbHost != null && !dbHost.isBlank(), "db.host is blank");
        check(dbPort > 0 && dbPort <= 65535, "db.port is not a port: %s", dbPort);
        check(dbUser != null && !dbUser.isBlank(), "db.user is blank");
        check(dbPassword != null, "db.password == null");
        check(dbName != null && dbName.matches("[A-Za-z0-9_]+"), "db.name is not a database name: '%s'", dbName);
        check(serverId > 1 && serverId <= 0xFFFF_FFFFL,
                "cdc.server.id must be in 2..4294967295 (1 is the server's own): %s", serverId);
        check(SNAPSHOT_MODES.contains(snapshot), "cdc.snapshot must be sellers, no_data or initial: '%s'", snapshot);
        check(dataDir != null, "cdc.data.dir == null");
        check(maxBatchSize >= 1, "cdc.max.batch.size must be at least 1: %s", maxBatchSize);
        check(pollInterval != null && pollInterval.toMillis() >= 1,
                "cdc.poll.interval.ms must be at least 1: %s", pollInterval);
        check(itemsPartitions >= 1, "items.partitions must be at least 1: %s", itemsPartitions);
    }

    /** Reads the {@code db.*}, {@code cdc.*} and {@code items.partitions} keys; only {@code db.password} is required. */
    public static CdcSettings from(Settings settings) {
        return new CdcSettings(
                CdcConnector.of(settings.get("cdc.connector", "mariadb")),
                settings.get("db.host", "127.0.0.1"),
                settings.getInt("db.port", 3306),
                // The user of EmbeddedMariaDb and the compose stack: SELECT on market, REPLICATION SLAVE,
                // BINLOG MONITOR (MariaDB) / REPLICATION CLIENT (MySQL).
                settings.get("db.user", "listcast_cdc"),
                settings.require("db.password"),
                settings.get("db.name", "market"),
                // Far from the small ids people give real replicas.
                settings.getLong("cdc.server.id", 5400),
                settings.get("cdc.snapshot", "sellers"),
                Path.of(settings.get("cdc.data.dir", ".listcast/cdc")),
                settings.getInt("cdc.max.batch.size", 1),
                settings.getMillis("cdc.poll.interval.ms", Duration.ofMillis(50)),
                settings.getInt("items.partitions", 3));
    }

    /** These settings with another data directory (tests and devstack give each engine its own). */
    public CdcSettings withDataDir(Path otherDataDir) {
        return new CdcSettings(connector, dbHost, dbPort, dbUser, dbPassword, dbName, serverId, snapshot,
                otherDataDir, maxBatchSize, pollInterval, itemsPartitions);
    }

    public Path offsetsFile() {
        return dataDir.resolve("offsets.dat");
    }

    public Path schemaHistoryFile() {
        return dataDir.resolve("schema-history.dat");
    }

    /** The properties handed to {@code DebeziumEngine.create(Json.class).using(...)}. */
    public Properties connectorProperties() {
        Properties props = new Properties();
        props.setProperty("name", ENGINE_NAME);
        props.setProperty("connector.class", connector.connectorClass());
        props.setProperty("topic.prefix", TOPIC_PREFIX);

        props.setProperty("database.hostname", dbHost);
        props.setProperty("database.port", Integer.toString(dbPort));
        props.setProperty("database.user", dbUser);
        props.setProperty("database.password", dbPassword);
        props.setProperty("database.server.id", Long.toString(serverId));
        props.setProperty("database.include.list", dbName);
        props.setProperty("table.include.list", dbName + "." + ITEMS_TABLE + "," + dbName + "." + SELLERS_TABLE);

        // Offsets live in a local file: the engine commits them itself, after the bus acknowledged each record.
        // Kafka's FileOffsetBackingStore, but renamed into place: a kill -9 mid-write must not lose them.
        props.setProperty("offset.storage", AtomicFileOffsetBackingStore.class.getName());
        props.setProperty("offset.storage.file.filename", offsetsFile().toString());
        // Commit on every markBatchFinished(): a kill -9 replayed ~500 rows at the 60 s default and 0 at 0.
        props.setProperty("offset.flush.interval.ms", "0");
        props.setProperty("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
        props.setProperty("schema.history.internal.file.filename", schemaHistoryFile().toString());
        // The marketplace has many tables; parsing and keeping the DDL of the two we read is enough.
        props.setProperty("schema.history.internal.store.only.captured.tables.ddl", "true");

        if ("sellers".equals(snapshot)) {
            // Snapshot both tables but select no items: snapshot.include.collection.list would leave the items
            // table out of the schema history too, and the connector then skips every later items event.
            String items = dbName + "." + ITEMS_TABLE;
            props.setProperty("snapshot.mode", "initial");
            props.setProperty("snapshot.select.statement.overrides", items);
            props.setProperty("snapshot.select.statement.overrides." + items, "SELECT * FROM " + items + " WHERE 1 = 0");
        } else {
            props.setProperty("snapshot.mode", snapshot);
        }
        // No global read lock: the CDC user needs no RELOAD privilege and the marketplace never stalls.
        props.setProperty("snapshot.locking.mode", "none");

        props.setProperty("max.batch.size", Integer.toString(maxBatchSize));
        props.setProperty("poll.interval.ms", Long.toString(pollInterval.toMillis()));

        // Plain JSON payloads for ChangeMapper; the schema would triple every record for nothing.
        props.setProperty("converter.schemas.enable", "false");
        // Schema changes are applied to the connector's own history; nobody downstream reads them.
        props.setProperty("include.schema.changes", "false");
        // A delete is one event with its before row; a Kafka tombstone would mean nothing on our topics.
        props.setProperty("tombstones.on.delete", "false");
        // Truncates are no row changes a listing could come from (Debezium's default, said out loud).
        props.setProperty("skipped.operations", "t");
        // Ratings are DECIMAL(3,2): a JSON number, not Debezium's base64 of the unscaled bytes.
        props.setProperty("decimal.handling.mode", "double");
        // DATETIME/TIME as epoch millis (TIMESTAMP columns stay ISO-8601 strings whatever the mode).
        props.setProperty("time.precision.mode", "connect");
        return props;
    }

    /** Like the record's own, with the password masked: settings end up in logs. */
    @Override
    public String toString() {
        return "CdcSettings[connector=" + connector + ", db=" + dbUser + "@" + dbHost + ":" + dbPort + "/" + dbName
                + ", serverId=" + serverId + ", snapshot=" + snapshot + ", dataDir=" + dataDir
                + ", maxBatchSize=" + maxBatchSize + ", pollInterval=" + pollInterval.toMillis() + "ms"
                + ", itemsPartitions=" + itemsPartitions + "]";
    }

    private static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }
}
