package dev.listcast.edge.observe;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.Json;
import dev.listcast.events.TraceParent;
import dev.listcast.telemetry.SpanShipper;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Map;

/**
 * {@code POST /api/telemetry/render}: the browser reports how long a listing took from arrival to toast. Sent by
 * {@code navigator.sendBeacon}, so the body is read as JSON whatever its content type. A report that carries the
 * event's {@code traceparent} closes the listing's trace with a {@code render} span; the browser's clock times it.
 */
public final class TelemetryService implements HttpService {
    private final EdgeMetrics metrics;
    private final SpanShipper spans;

    public TelemetryService(EdgeMetrics metrics, SpanShipper spans) {
        this.metrics = metrics;
        this.spans = spans;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/render", this::render);
    }

    private void render(ServerRequest req, ServerResponse res) {
        RenderReport report = Json.read(req, RenderReport.class);
        double millis = report.renderMs() != null ? report.renderMs()
                : report.receivedAt() != null && report.renderedAt() != null
                        ? report.renderedAt() - report.receivedAt() : -1;
        if (millis < 0 || Double.isNaN(millis)) {
            throw ApiException.badRequest("render report needs renderMs, or receivedAt and renderedAt in order");
        }
        metrics.rendered(millis);
        // A missing or forged context only costs the trace its last span.
        TraceParent.parse(report.traceparent()).ifPresent(parent -> {
            long end = report.renderedAt() != null ? report.renderedAt() * 1_000_000 : SpanShipper.nowNanos();
            spans.record("render", SpanKind.INTERNAL, parent.child(), parent, end - (long) (millis * 1_000_000), end,
                    Map.of("listcast.event.id", String.valueOf(report.eventId())));
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The beacon's body. */
    private record RenderReport(String eventId, Long receivedAt, Long renderedAt, Double renderMs, String traceparent) {
    }
}
