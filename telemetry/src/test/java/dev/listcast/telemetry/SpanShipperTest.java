package dev.listcast.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.TraceParent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanShipperTest {
    private static String hex(com.google.protobuf.ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(a -> a.getKey().equals(key)).findFirst()
                .map(a -> a.getValue().hasStringValue() ? a.getValue().getStringValue()
                        : Long.toString(a.getValue().getIntValue()))
                .orElse(null);
    }

    @Test
    void shouldShipSpansWithTheIdsTheStagesPassedOnToACollector() throws Exception {
        TraceParent capture = TraceParent.newRoot();
        TraceParent process = capture.child();
        try (OtlpReceiver collector = new OtlpReceiver();
             SpanShipper spans = SpanShipper.to(collector.endpoint(), "listcast-test")) {
            spans.record("capture", SpanKind.PRODUCER, capture, null, 1_000_000_000L, 3_000_000_000L,
                    Map.of("listcast.item.id", 42L, "db.binlog.position", "mariadb-bin.000003:4005"));
            spans.record("process", SpanKind.CONSUMER, process, capture, 4_000_000_000L, 5_000_000_000L, Map.of());

            // One batch or two: the shipper may wake between the two records.
            List<Span> shipped = new ArrayList<>();
            ResourceSpans batch;
            while (shipped.size() < 2 && (batch = collector.next(10)) != null) {
                assertThat(attribute(batch.getResource().getAttributesList(), "service.name"))
                        .isEqualTo("listcast-test");
                shipped.addAll(batch.getScopeSpans(0).getSpansList());
            }

            assertThat(shipped).extracting(Span::getName).containsExactly("capture", "process");
            Span first = shipped.get(0);
            Span second = shipped.get(1);
            assertThat(hex(first.getTraceId())).isEqualTo(capture.traceId());
            assertThat(hex(first.getSpanId())).isEqualTo(capture.spanId());
            assertThat(first.getParentSpanId().isEmpty()).isTrue();
            assertThat(first.getStartTimeUnixNano()).isEqualTo(1_000_000_000L);
            assertThat(first.getEndTimeUnixNano()).isEqualTo(3_000_000_000L);
            assertThat(first.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_PRODUCER);
            assertThat(attribute(first.getAttributesList(), "listcast.item.id")).isEqualTo("42");
            assertThat(attribute(first.getAttributesList(), "db.binlog.position")).isEqualTo("mariadb-bin.000003:4005");
            assertThat(hex(second.getTraceId())).isEqualTo(capture.traceId());
            assertThat(hex(second.getParentSpanId())).isEqualTo(capture.spanId());
            assertThat(hex(second.getSpanId())).isEqualTo(process.spanId());
        }
    }

    @Test
    void shouldKeepNothingWithoutACollector() {
        SpanShipper disabled = SpanShipper.disabled();

        disabled.record("capture", SpanKind.PRODUCER, TraceParent.newRoot(), null, 1, 2, Map.of());

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.dropped()).isZero();
    }
}
