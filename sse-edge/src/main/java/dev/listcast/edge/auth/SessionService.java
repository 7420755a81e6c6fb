package dev.listcast.edge.auth;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.Json;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Sign-in for browsers: trade a token for the session cookie.
 *
 * <pre>
 * curl -X POST -H "Authorization: Bearer $JWT" http://localhost:8080/api/session
 * curl -b listcast_session=$JWT http://localhost:8080/api/session
 * curl -X DELETE http://localhost:8080/api/session
 * </pre>
 */
public final class SessionService implements HttpService {
    private final TokenVerifier verifier;

    public SessionService(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::signIn)
                .get("/", this::current)
                .delete("/", this::signOut);
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        String token = AuthHandler.bearer(req).orElseGet(() -> Json.read(req, TokenBody.class).token());
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized("no token: send Authorization: Bearer <jwt> or {\"token\": \"<jwt>\"}");
        }
        Principal principal = verifier.verify(token);
        SessionCookie.set(req, res, token, principal.expiresAt());
        Json.send(res, SessionView.of(principal));
    }

    private void current(ServerRequest req, ServerResponse res) {
        Json.send(res, SessionView.of(AuthHandler.require(req)));
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        SessionCookie.clear(req, res);
        res.status(Status.NO_CONTENT_204).send();
    }

    private record TokenBody(String token) {
    }
}
