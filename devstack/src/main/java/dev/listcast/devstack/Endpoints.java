package dev.listcast.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.listcast.embedded.DatabaseEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How a running devstack describes itself in {@code .listcast/dev/endpoints.json}, so people, the browser tests
 * and the bench drive it without guessing ports.
 *
 * @param edgeUrl the UI and API
 * @param streamUrl where {@code GET /api/listings/stream} is served (the edge's own port for streams)
 * @param controlUrl the test-only control server (restart the edge), null unless enabled
 */
public record Endpoints(String edgeUrl, String streamUrl, String kafkaBootstrap, Database mariadb, Auth auth, String controlUrl) {

    /** The MariaDB user here may insert into {@code market.items}. */
    public record Database(String host, int port, String user, String password, String database) {
        static Database of(DatabaseEndpoint endpoint) {
            return new Database(endpoint.host(), endpoint.port(), endpoint.user(), endpoint.password(),
                    endpoint.database());
        }

        public DatabaseEndpoint toEndpoint() {
            return new DatabaseEndpoint(host, port, user, password, database);
        }
    }

    /** What a dev token needs: devstack signs with HS256. */
    public record Auth(String issuer, String audience, String hs256Secret) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes atomically: a reader polling for the file never sees half of it. */
    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Endpoints readFrom(Path file) {
        try {
            return JSON.readValue(file.toFile(), Endpoints.class);
        } catch (IOException e) {
            throw new UncheckedIOException("no running devstack described by " + file + " (start ./listcast dev)", e);
        }
    }
}
