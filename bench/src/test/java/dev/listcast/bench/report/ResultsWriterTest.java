package dev.listcast.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsWriterTest {
    record Sample(String target, double p50) {
    }

    private static final BenchReport REPORT = new BenchReport("fanout", "2026-12-03T17:00:00Z",
            Map.of("subscribers", "1000"), List.of(new Sample("nchan", 1.5)),
            new Table(List.of("target", "p50 ms"), List.of(List.of("nchan", "1.5"))),
            List.of(new LatencySeries("nchan", List.of(new LatencySeries.Point(1000, 1.5, 2, 3)))),
            List.of("loopback only"));

    @Test
    void shouldWriteJsonWithTheResultRecords(@TempDir Path dir) throws Exception {
        ResultsWriter.write(dir, REPORT);

        assertThat(Files.readString(dir.resolve("results.json")))
                .contains("\"scenario\" : \"fanout\"")
                .contains("\"target\" : \"nchan\"", "\"p50\" : 1.5");
    }

    @Test
    void shouldWriteMarkdownWithOptionsTableAndNotes(@TempDir Path dir) throws Exception {
        ResultsWriter.write(dir, REPORT);

        assertThat(Files.readString(dir.resolve("results.md")))
                .contains("# listcast bench fanout", "`--subscribers 1000`", "| nchan | 1.5 |", "- loopback only");
    }

    @Test
    void shouldDrawAPngChart(@TempDir Path dir) throws Exception {
        ResultsWriter.write(dir, REPORT);

        byte[] png = Files.readAllBytes(dir.resolve("latency.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
