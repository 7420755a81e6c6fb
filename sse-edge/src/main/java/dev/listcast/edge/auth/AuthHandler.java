package dev.listcast.edge.auth;

import dev.listcast.edge.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.function.Function;

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
        return req.context().get(Principal.class).orElseThrow(() -> req.context().get(Refusal.class)
                .map(refusal -> ApiException.unauthorized(refusal.reason()))
                .orElseGet(AuthHandler::noToken));
    }

    /** 401 for a request that carries no token at all. */
    public static ApiException noToken() {
        return ApiException.unauthorized("no token: send Authorization: Bearer <jwt> or sign in with POST /api/session");
    }

    /**
     * The token of a request: the bearer token of its {@code Authorization} header, or else its session cookie.
     *
     * @param cookie the request's cookie of a name
     */
    public static Optional<String> token(Optional<String> authorization, Function<String, Optional<String>> cookie) {
        Optional<String> bearer = bearer(authorization);
        return bearer.isPresent() ? bearer : cookie.apply(SessionCookie.NAME).filter(s -> !s.isBlank());
    }

    static Optional<String> token(ServerRequest req) {
        return token(req.headers().first(HeaderNames.AUTHORIZATION), name -> req.headers().cookies().first(name)
                .asOptional());
    }

    static Optional<String> bearer(ServerRequest req) {
        return bearer(req.headers().first(HeaderNames.AUTHORIZATION));
    }

    private static Optional<String> bearer(Optional<String> authorization) {
        return authorization.filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(h -> h.substring(BEARER.length()).strip());
    }

    /** Why a presented token was refused. */
    private record Refusal(String reason) {
    }
}
