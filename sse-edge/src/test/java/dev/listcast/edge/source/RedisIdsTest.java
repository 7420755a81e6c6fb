package dev.listcast.edge.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisIdsTest {
    @Test
    void shouldOrderOffsetsAsRedisOrdersIds() {
        long a = RedisIds.offset("1764780000000-0");
        long b = RedisIds.offset("1764780000000-7");
        long c = RedisIds.offset("1764780000001-0");

        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(RedisIds.id(b)).isEqualTo("1764780000000-7");
        assertThat(RedisIds.millis(c)).isEqualTo(1764780000001L);
        assertThat(RedisIds.id(c - 1)).isEqualTo("1764780000000-1048575");
        assertThat(RedisIds.offset("0-0")).isZero();
    }

    @Test
    void shouldRefuseWhatIsNotAStreamId() {
        assertThatThrownBy(() -> RedisIds.offset("abc-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a stream id: abc-1");
        assertThatThrownBy(() -> RedisIds.offset("1-1048576")).hasMessage("stream id out of range: 1-1048576");
    }
}
