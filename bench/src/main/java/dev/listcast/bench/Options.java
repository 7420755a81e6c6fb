package dev.listcast.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scenario's options: {@code --name value} pairs over the scenario's defaults; unknown names are refused. */
public record Options(Map<String, String> values) {

    public Options {
        values = Map.copyOf(values);
    }

    public static Options parse(List<OptionSpec> specs, String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        specs.forEach(spec -> values.put(spec.name(), spec.defaultValue()));
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: "
                        + specs.stream().map(s -> "--" + s.name()).toList());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            values.put(name, args[i + 1]);
        }
        return new Options(values);
    }

    public String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no option --" + name);
        }
        return value;
    }

    public int positiveInt(String name) {
        int value = parse(name, Integer::parseInt);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be positive: " + value);
        }
        return value;
    }

    public double positiveDouble(String name) {
        double value = parse(name, Double::parseDouble);
        if (!(value > 0)) {
            throw new IllegalArgumentException("--" + name + " must be positive: " + value);
        }
        return value;
    }

    /** A comma-separated list of positive integers, e.g. {@code --subscribers 1000,10000}. */
    public List<Integer> positiveInts(String name) {
        return Arrays.stream(string(name).split(",")).map(String::strip).map(v -> {
            int n = parse(name, v, Integer::parseInt);
            if (n < 1) {
                throw new IllegalArgumentException("--" + name + " must list positive numbers: " + v);
            }
            return n;
        }).toList();
    }

    public Duration seconds(String name) {
        return Duration.ofSeconds(positiveInt(name));
    }

    public Path path(String name) {
        return Path.of(string(name));
    }

    private <T> T parse(String name, java.util.function.Function<String, T> parser) {
        return parse(name, string(name), parser);
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is not a number: '" + value + "'", e);
        }
    }
}
