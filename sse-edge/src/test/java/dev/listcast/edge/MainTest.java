package dev.listcast.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    /** Surefire sets LISTCAST_KAFKA_BOOTSTRAP=env-probe:9092 for this module (see pom.xml). */
    @Test
    void shouldMapEnvironmentVariablesOntoDottedKeys() {
        Config config = Main.loadConfig();

        assertThat(config.get("listcast.kafka.bootstrap").asString().get()).isEqualTo("env-probe:9092");
        assertThat(config.get("listcast.kafka.isolation").asString().get()).isEqualTo("read_uncommitted");
    }

    @Test
    void shouldFillKeysDevstackLeavesOutFromApplicationYaml() {
        Config config = Edge.withDefaults(Config.just(ConfigSources.create(Map.of(
                "server.port", "9999", "listcast.stream.ping.millis", "1000"))));

        assertThat(config.get("server.port").asInt().get()).isEqualTo(9999);
        assertThat(config.get("listcast.stream.ping.millis").asLong().get()).isEqualTo(1000L);
        assertThat(config.get("listcast.stream.sendbuffer.bytes").asInt().get()).isEqualTo(65_536);
        assertThat(config.get("listcast.auth.audience").asString().get()).isEqualTo("listcast");
    }
}
