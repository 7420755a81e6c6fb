package dev.listcast.edge.auth;

import dev.listcast.edge.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Reads the token of every API request, from {@code Authorization: Bearer} or else the {@code listcast_session}
 * cookie (EventSource cannot send headers), and puts the verified {@link Principal} (or why there is none) into the
 * request context. Handlers that need a user call {@link #require}.
 */
public final class AuthHandler implements Handler {
    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;

    public AuthHandler(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        token(req).ifPresent(token -> {
            try {
                req.context().register(verifier.verify(token));
            } catch (ApiException e) {
                req.context().register(new Refusal(e.getMessage()));
            }
        });
        res.next();
    }

    /** The request's user; 401 with the reason when there is none. */
    public static Principal require(ServerRequest req) {
        return req.context().get(Principal.class).orElseThrow(() -> ApiException.unauthorized(
                req.context().get(Refusal.class).map(Refusal::reason)
                        .orElse("no token: send Authorization: Bearer <jwt> or sign in with POST /api/session")));
    }

    /** The bearer token, or else the session cookie. */
    static Optional<String> token(ServerRequest req) {
        Optional<String> bearer = bearer(req);
        return bearer.isPresent() ? bearer : req.headers().cookies().first(SessionCookie.NAME).asOptional()
                .filter(s -> !s.isBlank());
    }

    static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(h -> h.substring(BEARER.length()).strip());
    }

    /** Why a presented token was refused. */
    private record Refusal(String reason) {
    }
}
