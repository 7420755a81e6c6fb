package dev.listcast.edge.observe;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.Json;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /api/telemetry/render}: the browser reports how long a listing took from arrival to toast. Sent by
 * {@code navigator.sendBeacon}, so the body is read as JSON whatever its content type.
 */
public final class TelemetryService implements HttpService {
    private final EdgeMetrics metrics;

    public TelemetryService(EdgeMetrics metrics) {
        this.metrics = metrics;
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
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The beacon's body; the trace fields are for the trace, not for the histogram. */
    private record RenderReport(String eventId, Long receivedAt, Long renderedAt, Double renderMs, String traceparent) {
    }
}
