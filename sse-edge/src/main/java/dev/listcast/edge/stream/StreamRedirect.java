package dev.listcast.edge.stream;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * {@code GET /api/listings/stream} on the HTTP port: a 307 to the same stream on the stream port, so the UI and
 * scripts need only the one address (EventSource follows it, carrying the session cookie, which is scoped to the host
 * and not to the port).
 */
public final class StreamRedirect implements HttpService {
    private final Optional<String> publicUrl;
    private final int streamPort;

    /** @param streamPort the port the stream listener actually got */
    public StreamRedirect(StreamSettings settings, int streamPort) {
        this.publicUrl = settings.publicUrl();
        this.streamPort = streamPort;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/stream", this::redirect);
    }

    private void redirect(ServerRequest req, ServerResponse res) {
        String base = publicUrl.orElseGet(() -> "http://" + host(req.requestedUri().host()) + ":" + streamPort);
        String query = req.query().rawValue();
        res.status(Status.TEMPORARY_REDIRECT_307)
                .header(HeaderNames.LOCATION, base + StreamOpener.PATH + (query.isEmpty() ? "" : "?" + query))
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send();
    }

    private static String host(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
