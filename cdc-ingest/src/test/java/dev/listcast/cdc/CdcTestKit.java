package dev.listcast.cdc;

import dev.listcast.embedded.DatabaseEndpoint;
import dev.listcast.embedded.SharedInfra;
import dev.listcast.events.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the integration tests share: settings pointing at the shared MariaDB and broker, a fresh data directory
 * and replica id per engine, and plain JDBC writes as the marketplace would make them. All tests of the JVM share
 * one database and binlog, so each test only looks at the ids it inserted.
 */
final class CdcTestKit {
    /** Replica ids must differ between engines that may overlap; the crash test's child JVM takes its own. */
    private static final AtomicLong SERVER_IDS = new AtomicLong(7000);

    private CdcTestKit() {
    }

    /** The settings keys of a fresh engine, as a child JVM would get them from its environment. */
    static Map<String, String> settingsMap() {
        DatabaseEndpoint cdc = SharedInfra.mariaDb().cdcEndpoint();
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap", SharedInfra.kafka().bootstrapServers());
        values.put("db.host", cdc.host());
        values.put("db.port", Integer.toString(cdc.port()));
        values.put("db.user", cdc.user());
        values.put("db.password", cdc.password());
        values.put("cdc.server.id", Long.toString(SERVER_IDS.incrementAndGet()));
        values.put("cdc.data.dir", freshDataDir().toString());
        return values;
    }

    static CdcSettings settings() {
        return CdcSettings.from(Settings.of(settingsMap()));
    }

    static KafkaBusPublisher bus() {
        return KafkaBusPublisher.create(SharedInfra.kafka().bootstrapServers(), Map.of());
    }

    static Connection app() throws SQLException {
        DatabaseEndpoint app = SharedInfra.mariaDb().endpoint();
        return DriverManager.getConnection(app.jdbcUrl(), app.user(), app.password());
    }

    /** Inserts an item of seller 1 as the marketplace would; null arguments become SQL NULL. */
    static long insertItem(Connection connection, String title, String description, String category,
            Long priceCents, String status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (seller_id, title, description,"
                + " category, price_cents, status) VALUES (1, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, title);
            insert.setString(2, description);
            insert.setString(3, category);
            if (priceCents == null) {
                insert.setNull(4, Types.BIGINT);
            } else {
                insert.setLong(4, priceCents);
            }
            insert.setString(5, status);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Path freshDataDir() {
        try {
            return Files.createTempDirectory(Path.of("target"), "cdc-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
