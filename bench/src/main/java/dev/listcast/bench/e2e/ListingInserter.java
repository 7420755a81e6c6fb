package dev.listcast.bench.e2e;

import dev.listcast.bench.Progress;
import dev.listcast.bench.stack.Endpoints;
import dev.listcast.bench.stack.Loopback;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lists items the way the marketplace would, one autocommit insert each, and notes when each commit returned: the
 * binlog's own timestamp has second precision, so latency is measured from here.
 */
public final class ListingInserter implements AutoCloseable {
    private static final String INSERT = "INSERT INTO items (seller_id, title, description, category, price_cents,"
            + " currency, item_condition, status) VALUES (?, ?, ?, ?, ?, 'EUR', 'used', 'LISTED')";

    private final Connection connection;
    private final PreparedStatement insert;
    private final Map<Long, Long> commitNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> commitMillis = new ConcurrentHashMap<>();
    private int count;

    public ListingInserter(Endpoints.Database db) throws SQLException {
        Loopback.require("the database", db.host(), db.port());
        this.connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        connection.setAutoCommit(true);
        this.insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS);
    }

    /** Inserts one listed item and returns its id. */
    public long insertOne(String category) throws SQLException {
        int n = ++count;
        insert.setLong(1, 1 + n % 5);
        insert.setString(2, "Bench item " + n);
        insert.setString(3, "Listed by listcast bench.");
        insert.setString(4, category);
        insert.setLong(5, 1000 + n);
        insert.executeUpdate();
        // autocommit: executeUpdate returned after the commit
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated id for the inserted item");
            }
            long id = keys.getLong(1);
            commitNanos.put(id, nanos);
            commitMillis.put(id, millis);
            return id;
        }
    }

    /** Inserts {@code count} items at {@code perSecond}, stopping at {@code deadline} (nanoTime). */
    public void insertAtRate(int count, double perSecond, String category, long deadline)
            throws SQLException, InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            insertOne(category);
            if ((i + 1) % Math.max(1, (int) Math.ceil(perSecond * 2)) == 0) {
                Progress.say("  inserted %d of %d", i + 1, count);
            }
        }
    }

    /** Commit times by item id, {@link System#nanoTime()}. */
    public Map<Long, Long> commitNanos() {
        return Map.copyOf(commitNanos);
    }

    /** Commit times by item id, epoch millis. */
    public Map<Long, Long> commitMillis() {
        return Map.copyOf(commitMillis);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
