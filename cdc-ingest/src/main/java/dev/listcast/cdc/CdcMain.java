package dev.listcast.cdc;

import dev.listcast.cdc.redis.RedisBusPublisher;
import dev.listcast.cdc.redis.RedisBusSettings;
import dev.listcast.events.Bus;
import dev.listcast.events.BusPublisher;
import dev.listcast.events.Settings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Runs cdc-ingest on its own (the compose stack): settings from the environment ({@code LISTCAST_KAFKA_BOOTSTRAP},
 * {@code LISTCAST_DB_HOST}, … see {@link CdcSettings}), producer overrides from the {@code kafka.producer.} keys,
 * a graceful stop from the shutdown hook. Exits with status 1 when capture stops on a failure it cannot retry, so
 * the supervisor (Docker, systemd) restarts it and people see it.
 *
 * <pre>{@code
 * LISTCAST_KAFKA_BOOTSTRAP=kafka:9092 LISTCAST_DB_HOST=mysql LISTCAST_DB_PASSWORD=… LISTCAST_CDC_CONNECTOR=mysql \
 *     java -cp … dev.listcast.cdc.CdcMain
 * }</pre>
 */
public final class CdcMain {
    private static final Logger LOG = Logger.getLogger(CdcMain.class.getName());

    private CdcMain() {
    }

    /** {@code LISTCAST_BUS=redis} puts the changes on Redis Streams instead of Kafka. */
    static BusPublisher bus(Settings settings) {
        return switch (Bus.of(settings)) {
            case KAFKA -> KafkaBusPublisher.create(settings.get("kafka.bootstrap", "127.0.0.1:9092"),
                    settings.withPrefix("kafka.producer."));
            case REDIS -> RedisBusPublisher.create(RedisBusSettings.from(settings));
        };
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings = Settings.fromEnvironment();
        CdcSettings cdcSettings = CdcSettings.from(settings);
        BusPublisher bus = bus(settings);
        CdcIngest cdc = CdcIngest.start(cdcSettings, bus);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            // The engine first, so its last offsets commit while the producer still answers.
            cdc.close();
            bus.close();
        }, "listcast-cdc-shutdown"));

        while (!cdc.awaitStopped(Duration.ofDays(1))) {
            LOG.fine(() -> "still capturing: " + cdc.status());
        }
        if (!shuttingDown.get()) {
            // Stopped without the hook: a failure that is not retriable (logged by CdcIngest). The hook closes.
            System.exit(1);
        }
    }
}
