package dev.listcast.devstack;

import dev.listcast.events.Settings;
import java.nio.file.Path;

/**
 * The devstack's own settings (everything else is the services' own settings, passed through).
 *
 * @param dir state directory: Kafka log, MariaDB data, Debezium offsets, Streams state, endpoints.json
 * @param edgePort the UI and API port ({@code LISTCAST_EDGE_PORT}, 0 picks a free one)
 * @param streamPort the SSE stream port ({@code LISTCAST_STREAM_PORT}, 0 picks a free one)
 * @param kafkaPort the broker's client port ({@code LISTCAST_DEV_KAFKA_PORT}, 0 picks a free one)
 * @param dbPort the MariaDB port ({@code LISTCAST_DEV_DB_PORT}, 0 picks a free one)
 * @param control whether to start the test-only control server ({@code LISTCAST_DEV_CONTROL})
 */
public record DevSettings(Path dir, int edgePort, int streamPort, int kafkaPort, int dbPort, boolean control) {

    public static DevSettings from(Settings settings) {
        return new DevSettings(
                Path.of(settings.get("dev.dir", ".listcast")).toAbsolutePath(),
                settings.getInt("edge.port", 8080),
                settings.getInt("stream.port", 8081),
                settings.getInt("dev.kafka.port", 0),
                // Not 3306: a developer's own MySQL usually sits there.
                settings.getInt("dev.db.port", 13306),
                settings.getBoolean("dev.control", false));
    }

    Path endpointsFile() {
        return dir.resolve("dev").resolve("endpoints.json");
    }
}
