package dev.listcast.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinlogPositionTest {

    @Test
    void shouldRoundTripThroughItsText() {
        BinlogPosition position = new BinlogPosition("mariadb-bin.000003", 1234, 2);
        assertThat(position.toString()).isEqualTo("mariadb-bin.000003:1234:2");
        assertThat(BinlogPosition.parse(position.toString())).isEqualTo(position);
    }

    @Test
    void shouldOrderLikeTheLog() {
        BinlogPosition first = BinlogPosition.parse("mariadb-bin.000003:99999:0");
        BinlogPosition second = BinlogPosition.parse("mariadb-bin.000004:4:0");
        BinlogPosition third = BinlogPosition.parse("mariadb-bin.000004:4:1");
        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(third);
    }

    @Test
    void shouldRefuseGarbageNamingIt() {
        assertThatThrownBy(() -> BinlogPosition.parse("nonsense"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a binlog position: 'nonsense'");
        assertThatThrownBy(() -> BinlogPosition.parse("bin.1:x:0"))
                .hasMessage("not a binlog position: 'bin.1:x:0'");
        assertThatThrownBy(() -> new BinlogPosition("bin.1", -1, 0))
                .hasMessage("negative binlog offset: -1");
    }
}
