package dev.listcast.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's {@code results.json}, {@code results.md} and {@code latency.png} into one directory. */
public final class ResultsWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {
    }

    /** Writes into {@code directory} (created if missing) and returns it. */
    public static Path write(Path directory, BenchReport report) throws IOException {
        Files.createDirectories(directory);
        JSON.writeValue(directory.resolve("results.json").toFile(), report);
        Files.writeString(directory.resolve("results.md"), report.toMarkdown());
        LatencyChart.write("listcast bench " + report.scenario(), report.chart(), directory.resolve("latency.png"));
        return directory;
    }
}
