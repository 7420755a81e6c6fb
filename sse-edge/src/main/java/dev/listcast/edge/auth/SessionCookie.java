package dev.listcast.edge.auth;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;

/** The HttpOnly cookie that carries the token for EventSource, which cannot send an Authorization header. */
final class SessionCookie {
    static final String NAME = "listcast_session";

    private SessionCookie() {
    }

    /** Sets the cookie to live exactly as long as the token. */
    static void set(ServerRequest req, ServerResponse res, String token, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
        res.header(HeaderNames.SET_COOKIE, NAME + "=" + token + "; Max-Age=" + maxAge + attributes(req));
    }

    static void clear(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.SET_COOKIE, NAME + "=; Max-Age=0" + attributes(req));
    }

    private static String attributes(ServerRequest req) {
        return "; Path=/api; HttpOnly; SameSite=Strict" + (req.isSecure() ? "; Secure" : "");
    }
}
