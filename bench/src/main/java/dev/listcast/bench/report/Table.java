package dev.listcast.bench.report;

import java.util.List;

/** A results table, rendered as Markdown and printed to the console. */
public record Table(List<String> headers, List<List<String>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, headers " + headers.size()
                        + ": " + row);
            }
        }
    }

    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        line(out, headers);
        line(out, headers.stream().map(h -> "---").toList());
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(cell -> out.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        out.append('\n');
    }
}
