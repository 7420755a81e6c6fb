package dev.listcast.edge.stream;

import dev.listcast.edge.ApiException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which web pages may read streams: the stream listener has its own port, so the UI's EventSource is a cross-origin
 * request with credentials. Allowed are the configured origins or, when none are configured, pages on the same host
 * as the request names (the UI served by the edge's HTTP port). The session cookie is {@code SameSite=Strict} and so
 * never rides along from another site anyway; this is the second lock.
 */
final class CorsPolicy {
    private final Set<String> origins;

    /** @param origins allowed {@code scheme://host[:port]} origins; empty allows the request's own host */
    CorsPolicy(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /**
     * The CORS header lines for {@code head}'s origin ({@code ""} without one: not a cross-origin request).
     *
     * @throws ApiException 403 when the origin may not read streams
     */
    String headers(RequestHead head) {
        Optional<String> origin = head.header("origin");
        if (origin.isEmpty()) {
            return "";
        }
        if (!allowed(origin.get(), head.header("host").orElse(""))) {
            throw ApiException.forbidden("pages from " + origin.get() + " may not open listing streams"
                    + " (listcast.stream.origins)");
        }
        return "Access-Control-Allow-Origin: " + origin.get() + "\r\n"
                + "Access-Control-Allow-Credentials: true\r\n"
                + "Vary: Origin\r\n";
    }

    private boolean allowed(String origin, String hostHeader) {
        if (!origins.isEmpty()) {
            return origins.contains(origin);
        }
        try {
            URI page = URI.create(origin);
            URI self = URI.create("http://" + hostHeader);
            return page.getHost() != null && self.getHost() != null
                    && ("http".equals(page.getScheme()) || "https".equals(page.getScheme()))
                    && page.getHost().toLowerCase(Locale.ROOT).equals(self.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
