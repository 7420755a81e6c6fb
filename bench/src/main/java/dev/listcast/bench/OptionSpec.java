package dev.listcast.bench;

/** One {@code --name value} option of a scenario, with its default and a line of help. */
public record OptionSpec(String name, String defaultValue, String help) {
    /** The stack under test, described by a running devstack's endpoints file; every scenario takes it. */
    public static final OptionSpec ENDPOINTS =
            new OptionSpec("endpoints", ".listcast/dev/endpoints.json", "the stack under test");
    /** The edge process metered by the subscriber scenarios. */
    public static final OptionSpec EDGE_PID =
            new OptionSpec("edge-pid", "0", "pid of the edge process; 0 finds the process listening on the edge port");
    /** What the inserting scenarios list their items as. */
    public static final OptionSpec CATEGORY =
            new OptionSpec("category", "sneakers", "category of the inserted items");

    public OptionSpec {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("not an option name: '" + name + "'");
        }
    }
}
