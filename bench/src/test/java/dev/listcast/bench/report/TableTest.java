package dev.listcast.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void shouldRenderMarkdownEscapingPipes() {
        Table table = new Table(List.of("target", "p50 ms"), List.of(List.of("a|b", "1.0")));

        assertThat(table.toMarkdown()).isEqualTo("| target | p50 ms |\n| --- | --- |\n| a\\|b | 1.0 |\n");
    }

    @Test
    void shouldRefuseARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table(List.of("a", "b"), List.of(List.of("1"))))
                .hasMessage("row has 1 cells, headers 2: [1]");
    }
}
