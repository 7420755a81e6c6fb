package dev.listcast.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void shouldMapEnvironmentVariablesToDottedKeys() {
        Settings settings = Settings.from(Map.of("LISTCAST_KAFKA_BOOTSTRAP", "k:9092", "PATH", "/bin"));
        assertThat(settings.get("kafka.bootstrap", "x")).isEqualTo("k:9092");
        assertThat(settings.find("path")).isEmpty();
        assertThat(Settings.variableOf("kafka.bootstrap")).isEqualTo("LISTCAST_KAFKA_BOOTSTRAP");
    }

    @Test
    void shouldLetTheEnvironmentWinOverTheFileAndOverridesWinOverBoth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("listcast.properties");
        Files.writeString(file, "db.port=1\ndb.host=file-host\n");
        Settings settings = Settings.from(Map.of("LISTCAST_CONFIG_FILE", file.toString(), "LISTCAST_DB_PORT", "2"));
        assertThat(settings.getInt("db.port", 0)).isEqualTo(2);
        assertThat(settings.get("db.host", "default")).isEqualTo("file-host");
        assertThat(settings.with(Map.of("db.host", "override")).get("db.host", "default")).isEqualTo("override");
    }

    @Test
    void shouldNameTheVariableOfABadNumber() {
        Settings settings = Settings.of(Map.of("db.port", "abc"));
        assertThatThrownBy(() -> settings.getInt("db.port", 3306))
                .hasMessage("setting db.port (LISTCAST_DB_PORT) is not a number: 'abc'");
    }

    @Test
    void shouldNameTheVariableOfAMissingSetting() {
        assertThatThrownBy(() -> Settings.of(Map.of()).require("auth.hs256.secret"))
                .hasMessage("missing setting auth.hs256.secret (environment variable LISTCAST_AUTH_HS256_SECRET)");
    }

    @Test
    void shouldChooseKafkaUnlessTheBusSettingSaysRedis() {
        assertThat(Bus.of(Settings.of(Map.of()))).isEqualTo(Bus.KAFKA);
        assertThat(Bus.of(Settings.from(Map.of("LISTCAST_BUS", "redis")))).isEqualTo(Bus.REDIS);
        assertThatThrownBy(() -> Bus.of(Settings.of(Map.of("bus", "rabbit"))))
                .hasMessage("setting bus (LISTCAST_BUS) must be kafka or redis: 'rabbit'");
    }
}
