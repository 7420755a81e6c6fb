package dev.listcast.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerMeterTest {
    @Test
    void shouldRankThreadGroupsByCpuUsedBetweenSamplesAndDropIdleOnes() {
        Map<String, Long> before = Map.of("ForkJoinPool", 100L, "C2 CompilerThre", 500L, "GC Thread", 10L);
        Map<String, Long> after = Map.of("ForkJoinPool", 400L, "C2 CompilerThre", 520L, "GC Thread", 10L,
                "listcast-edge", 50L);

        assertThat(ServerMeter.busiest(before, after)).containsExactly(Map.entry("ForkJoinPool", 300L),
                Map.entry("listcast-edge", 50L), Map.entry("C2 CompilerThre", 20L));
    }
}
