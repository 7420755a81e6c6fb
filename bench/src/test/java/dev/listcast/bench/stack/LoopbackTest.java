package dev.listcast.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackTest {
    @Test
    void shouldAcceptAnyLoopbackAddress() {
        assertThat(Loopback.require("the edge", "127.0.0.7", 8080).getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void shouldRefuseAnAddressOffThisMachine() {
        assertThatThrownBy(() -> Loopback.require("the edge", "10.1.2.3", 8080))
                .hasMessageStartingWith("refusing to load the edge at 10.1.2.3");
    }

    @Test
    void shouldCheckEveryBootstrapServer() {
        assertThatThrownBy(() -> Loopback.requireBootstrap("127.0.0.1:9092,192.168.0.4:9092"))
                .hasMessageStartingWith("refusing to load kafka at 192.168.0.4");
    }
}
