package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings of the non-Helidon stages, one name each across devstack, tests and compose: the key
 * {@code kafka.bootstrap} is the environment variable {@code LISTCAST_KAFKA_BOOTSTRAP} and the line
 * {@code kafka.bootstrap=...} of the properties file named by {@code LISTCAST_CONFIG_FILE}. Precedence:
 * defaults in code &lt; file &lt; environment &lt; explicit overrides (what devstack and tests pass).
 *
 * <pre>{@code
 * Settings settings = Settings.fromEnvironment();
 * String bootstrap = settings.get("kafka.bootstrap", "127.0.0.1:9092");
 * }</pre>
 */
public final class Settings {
    private static final String FILE_VARIABLE = "LISTCAST_CONFIG_FILE";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** File (when {@code LISTCAST_CONFIG_FILE} is set) overridden by the process environment. */
    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    /** File (when the environment names one) overridden by {@code environment}. */
    public static Settings from(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        String file = environment.get(FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            merged.putAll(readFile(Path.of(file)));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("LISTCAST_") && !name.equals(FILE_VARIABLE)) {
                merged.put(keyOf(name), value);
            }
        });
        return new Settings(merged);
    }

    /** Settings holding exactly {@code values}, keyed like {@code kafka.bootstrap}. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /** These settings with {@code overrides} winning. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(overrides);
        return new Settings(merged);
    }

    /** The environment variable that sets {@code key}: {@code kafka.bootstrap} is {@code LISTCAST_KAFKA_BOOTSTRAP}. */
    public static String variableOf(String key) {
        return "LISTCAST_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String get(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    public String require(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException(
                "missing setting " + key + " (environment variable " + variableOf(key) + ")"));
    }

    public int getInt(String key, int defaultValue) {
        return find(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    public long getLong(String key, long defaultValue) {
        return find(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return find(key).map(v -> {
            checkArgument(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"),
                    "setting %s (%s) is not true or false: '%s'", key, variableOf(key), v);
            return Boolean.parseBoolean(v);
        }).orElse(defaultValue);
    }

    /** Milliseconds, written as a plain number. */
    public Duration getMillis(String key, Duration defaultValue) {
        return find(key).map(v -> Duration.ofMillis(parse(key, v, Long::parseLong))).orElse(defaultValue);
    }

    /** Every setting whose key starts with {@code prefix}, with the prefix removed (pass-through client configs). */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "setting " + key + " (" + variableOf(key) + ") is not a number: '" + value + "'", e);
        }
    }

    private static String keyOf(String variable) {
        return variable.substring("LISTCAST_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings file " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
