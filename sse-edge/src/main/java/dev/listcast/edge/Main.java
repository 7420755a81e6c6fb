package dev.listcast.edge;

import dev.listcast.edge.auth.AuthHandler;
import dev.listcast.edge.auth.DevIssuerService;
import dev.listcast.edge.auth.SessionService;
import dev.listcast.edge.observe.TelemetryService;
import dev.listcast.edge.polling.PollingService;
import dev.listcast.edge.stream.StreamRedirect;
import dev.listcast.edge.ui.TaxonomyService;
import dev.listcast.edge.ui.UiService;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;
import java.util.function.Supplier;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.http.HttpRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the edge on its own: configuration from {@code application.yaml} defaults, overridden by the YAML file named
 * by {@code LISTCAST_CONFIG_FILE}, overridden by system properties, overridden by the environment. Helidon maps an
 * environment variable to a key by lower-casing it and turning {@code _} into {@code .}:
 * {@code LISTCAST_KAFKA_BOOTSTRAP} is {@code listcast.kafka.bootstrap}, {@code SERVER_PORT} is {@code server.port}.
 */
public final class Main {
    static final String CONFIG_FILE_VARIABLE = "LISTCAST_CONFIG_FILE";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        LogConfig.configureRuntime();
        Edge edge = Edge.start(loadConfig());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            edge.stop();
            stopped.countDown();
        }, "stop-edge"));
        System.out.println("Listcast edge at http://localhost:" + edge.port() + "/ (streams on port "
                + edge.streamPort() + ")");
        stopped.await();
    }

    /** Defaults &lt; file &lt; system properties &lt; environment. */
    public static Config loadConfig() {
        return loadConfig(Map.of());
    }

    /** Defaults &lt; file &lt; system properties &lt; environment &lt; {@code overrides} (what devstack decides). */
    public static Config loadConfig(Map<String, String> overrides) {
        List<Supplier<? extends ConfigSource>> sources = new ArrayList<>();
        sources.add(ConfigSources.create(overrides));
        sources.add(ConfigSources.environmentVariables());
        sources.add(ConfigSources.systemProperties());
        String file = System.getenv(CONFIG_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            sources.add(ConfigSources.file(file));
        }
        sources.add(ConfigSources.classpath("application.yaml"));
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(sources)
                .build();
    }

    /** One service per feature; authentication first, so every API handler finds the principal in the context. */
    public static void routing(HttpRouting.Builder routing, EdgeServices services) {
        ErrorMapping.register(routing);
        routing.any("/api/*", new AuthHandler(services.verifier()))
                .register("/api/session", new SessionService(services.verifier()))
                .register("/api/taxonomy", new TaxonomyService(services.taxonomy()))
                .register("/api/listings", new StreamRedirect(services.stream(), services.streamPort()))
                .register("/api/listings", new PollingService(services.fanOut(), services.replayer(),
                        services.taxonomy()))
                .register("/api/telemetry", new TelemetryService(services.metrics(), services.browserSpans()));
        if (services.auth().devIssuer()) {
            routing.register("/api/dev", new DevIssuerService(services.auth(), services.verifier()));
        }
        routing.register("/", new UiService(services.uiRoot()));
    }
}
