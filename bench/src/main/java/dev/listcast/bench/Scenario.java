package dev.listcast.bench;

import dev.listcast.bench.report.BenchReport;
import java.util.List;

/** One benchmark: its options and a run that returns what it measured. */
public interface Scenario {
    String name();

    String summary();

    List<OptionSpec> options();

    BenchReport run(Options options) throws Exception;
}
