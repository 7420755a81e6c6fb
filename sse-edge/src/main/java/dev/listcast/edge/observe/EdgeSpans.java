package dev.listcast.edge.observe;

import dev.listcast.telemetry.SpanShipper;

/**
 * The two services an edge ships spans for: its own fan-out, and the browsers' renders they report to it, so a
 * trace shows the toast as the work of the web app rather than of the edge.
 */
public record EdgeSpans(SpanShipper edge, SpanShipper browser) implements AutoCloseable {
    public static EdgeSpans fromEnvironment() {
        return new EdgeSpans(SpanShipper.fromEnvironment("listcast-sse-edge"),
                SpanShipper.fromEnvironment("listcast-web"));
    }

    @Override
    public void close() {
        edge.close();
        browser.close();
    }
}
