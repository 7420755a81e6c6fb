package dev.listcast.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listcast.embedded.DatabaseEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;

/** Both ends of a running pipeline, for the end-to-end tests: an INSERT at the start, SSE lines at the end. */
final class PipelineProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineProbe() {
    }

    /** Inserts a {@code LISTED} item as a seller's app would; returns its id. */
    static long insertListedItem(DatabaseEndpoint db, String title, String category, long priceCents, long sellerId)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO items (seller_id, title, category, price_cents, status) VALUES (?, ?, ?, ?, 'LISTED')",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, sellerId);
            insert.setString(2, title);
            insert.setString(3, category);
            insert.setLong(4, priceCents);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Reads SSE lines until the {@code listing} event of {@code itemId}; pings and other items are skipped. */
    static JsonNode nextListing(Iterator<String> lines, long itemId) {
        String event = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && "listing".equals(event)) {
                try {
                    JsonNode data = JSON.readTree(line.substring(5).strip());
                    if (data.get("itemId").asLong() == itemId) {
                        return data;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (line.isEmpty()) {
                event = null;
            }
        }
        throw new AssertionError("stream ended before item " + itemId + " arrived");
    }
}
