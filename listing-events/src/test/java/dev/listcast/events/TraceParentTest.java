package dev.listcast.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void shouldWriteTheW3cFormat() {
        TraceParent parent = new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true);
        assertThat(parent.toString()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(TraceParent.parse(parent.toString())).contains(parent);
    }

    @Test
    void shouldKeepTheTraceAndChangeTheSpanInAChild() {
        TraceParent root = TraceParent.newRoot();
        TraceParent child = root.child();
        assertThat(child.traceId()).isEqualTo(root.traceId());
        assertThat(child.spanId()).isNotEqualTo(root.spanId());
    }

    @Test
    void shouldStartANewTraceForAMalformedHeader() {
        assertThat(TraceParent.parse("00-zz-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.childOf("garbage").traceId()).hasSize(32);
    }

    @Test
    void shouldRefuseTheAllZeroTraceId() {
        assertThatThrownBy(() -> new TraceParent("0".repeat(32), "00f067aa0ba902b7", true))
                .hasMessage("not a trace id: '00000000000000000000000000000000'");
    }
}
