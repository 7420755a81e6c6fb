package dev.listcast.bench;

/** One {@code --name value} option of a scenario, with its default and a line of help. */
public record OptionSpec(String name, String defaultValue, String help) {
    public OptionSpec {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("not an option name: '" + name + "'");
        }
    }
}
