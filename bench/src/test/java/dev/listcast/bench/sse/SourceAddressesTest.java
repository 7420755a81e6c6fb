package dev.listcast.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceAddressesTest {
    @Test
    void shouldCycleThrough127002To127250() {
        assertThat(SourceAddresses.forConnection(0).getHostString()).isEqualTo("127.0.0.2");
        assertThat(SourceAddresses.forConnection(248).getHostString()).isEqualTo("127.0.0.250");
        assertThat(SourceAddresses.forConnection(249).getHostString()).isEqualTo("127.0.0.2");
    }
}
