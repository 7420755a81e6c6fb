package dev.listcast.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One broker and one database per test JVM, started on first use and stopped at exit: starting either costs
 * seconds of CPU, so integration tests of every module share them and isolate themselves by topic, application
 * id and row ids instead.
 */
public final class SharedInfra {
    private static final Path ROOT = createRoot();
    private static EmbeddedKafka kafka;
    private static EmbeddedMariaDb mariaDb;

    private SharedInfra() {
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(ROOT.resolve("kafka"), 0);
            EmbeddedKafka started = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-kafka"));
        }
        return kafka;
    }

    public static synchronized EmbeddedMariaDb mariaDb() {
        if (mariaDb == null) {
            mariaDb = EmbeddedMariaDb.start(ROOT.resolve("mariadb"), 0, "listcast-test", true);
            EmbeddedMariaDb started = mariaDb;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-mariadb"));
        }
        return mariaDb;
    }

    private static Path createRoot() {
        try {
            Path target = Path.of("target");
            return Files.createTempDirectory(Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir")),
                    "listcast-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
