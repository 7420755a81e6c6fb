package dev.listcast.bench;

import dev.listcast.bench.cdc.CdcScenario;
import dev.listcast.bench.e2e.EndToEndScenario;
import dev.listcast.bench.fanout.FanoutScenario;
import dev.listcast.bench.hop.HopScenario;
import dev.listcast.bench.polling.PollingScenario;
import dev.listcast.bench.report.BenchReport;
import dev.listcast.bench.report.ResultsWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./listcast bench <scenario> [--name value ...]}; {@code ./listcast bench help} lists scenarios and options.
 * Every run writes {@code bench/results/<timestamp>/} with {@code results.json}, {@code results.md} and
 * {@code latency.png}. Numbers are printed, never asserted.
 */
public final class Main {
    private static final List<Scenario> SCENARIOS = List.of(new EndToEndScenario(), new FanoutScenario(),
            new PollingScenario(), new CdcScenario(), new HopScenario());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // before anything loads AWT: the chart is drawn on machines without a display
        System.setProperty("java.awt.headless", "true");
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            System.out.print(help());
            return;
        }
        Scenario scenario = SCENARIOS.stream().filter(s -> s.name().equals(args[0])).findFirst().orElse(null);
        if (scenario == null) {
            System.err.print("unknown scenario '" + args[0] + "'\n\n" + help());
            System.exit(2);
            return;
        }
        Options options;
        try {
            options = Options.parse(withResults(scenario.options()), Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path directory = options.path("results").resolve(LocalDateTime.now().format(STAMP));
        BenchReport report = scenario.run(options);
        ResultsWriter.write(directory, report);
        System.out.println();
        System.out.print(report.toMarkdown());
        System.out.println("\nResults in " + directory.toAbsolutePath());
        // the Kafka client and HTTP client leave non-daemon threads behind on some paths
        System.exit(0);
    }

    private static List<OptionSpec> withResults(List<OptionSpec> options) {
        return java.util.stream.Stream.concat(options.stream(),
                java.util.stream.Stream.of(new OptionSpec("results", "bench/results",
                        "directory that receives <timestamp>/results.{json,md} and latency.png"))).toList();
    }

    static String help() {
        StringBuilder out = new StringBuilder("Usage: ./listcast bench <scenario> [--option value ...]\n");
        for (Scenario scenario : SCENARIOS) {
            out.append("\n  ").append(scenario.name()).append("  ").append(scenario.summary()).append('\n');
            for (OptionSpec option : withResults(scenario.options())) {
                out.append(String.format("      --%-16s %s (default %s)%n", option.name(), option.help(),
                        option.defaultValue()));
            }
        }
        return out.toString();
    }
}
