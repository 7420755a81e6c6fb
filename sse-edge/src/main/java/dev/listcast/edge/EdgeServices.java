package dev.listcast.edge;

import dev.listcast.edge.auth.AuthSettings;
import dev.listcast.edge.auth.TokenVerifier;
import dev.listcast.edge.fanout.FanOut;
import dev.listcast.edge.fanout.Replayer;
import dev.listcast.edge.observe.EdgeMetrics;
import dev.listcast.edge.stream.StreamSettings;
import dev.listcast.events.Taxonomy;
import dev.listcast.telemetry.SpanShipper;
import java.util.Objects;

/**
 * What {@link Main#routing} hands to the feature services: built once by {@link Edge#start}, from typed settings.
 *
 * @param streamPort the port the stream listener got
 * @param browserSpans where the render spans browsers report go
 * @param uiRoot the classpath folder holding the built UI
 */
public record EdgeServices(
        AuthSettings auth,
        TokenVerifier verifier,
        FanOut fanOut,
        Replayer replayer,
        Taxonomy taxonomy,
        StreamSettings stream,
        int streamPort,
        EdgeMetrics metrics,
        SpanShipper browserSpans,
        String uiRoot) {

    public EdgeServices {
        Objects.requireNonNull(auth, "auth == null");
        Objects.requireNonNull(verifier, "verifier == null");
        Objects.requireNonNull(fanOut, "fanOut == null");
        Objects.requireNonNull(replayer, "replayer == null");
        Objects.requireNonNull(taxonomy, "taxonomy == null");
        Objects.requireNonNull(stream, "stream == null");
        Objects.requireNonNull(metrics, "metrics == null");
        Objects.requireNonNull(browserSpans, "browserSpans == null");
        Objects.requireNonNull(uiRoot, "uiRoot == null");
    }
}
