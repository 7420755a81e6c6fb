package dev.listcast.bench.report;

import java.util.List;
import java.util.Map;

/**
 * Everything one bench run produced.
 *
 * @param options the options the run used, defaults included
 * @param results the scenario's result records, written to {@code results.json} as they are
 * @param notes what a reader must know to read the numbers right (what was measured, what is included)
 */
public record BenchReport(String scenario, String startedAt, Map<String, String> options, List<?> results,
        Table table, List<LatencySeries> chart, List<String> notes) {

    public BenchReport {
        options = Map.copyOf(options);
        results = List.copyOf(results);
        chart = List.copyOf(chart);
        notes = List.copyOf(notes);
    }

    public String toMarkdown() {
        StringBuilder out = new StringBuilder("# listcast bench " + scenario + "\n\nStarted " + startedAt + ".\n\n");
        out.append("Options: ");
        options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append('`').append("--").append(e.getKey()).append(' ').append(e.getValue())
                        .append("` "));
        out.append("\n\n").append(table.toMarkdown()).append('\n');
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        return out.toString();
    }
}
