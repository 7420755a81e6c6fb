package dev.listcast.edge.auth;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.Json;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The devstack's pretend identity provider (only with {@code listcast.auth.dev.issuer=true}): lists the demo users
 * and signs the browser in as one of them.
 *
 * <pre>
 * curl http://localhost:8080/api/dev/users
 * curl -X POST -d '{"subject":"ada"}' http://localhost:8080/api/dev/session
 * </pre>
 */
public final class DevIssuerService implements HttpService {
    private final AuthSettings settings;
    private final TokenVerifier verifier;

    public DevIssuerService(AuthSettings settings, TokenVerifier verifier) {
        this.settings = settings;
        this.verifier = verifier;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/users", (req, res) -> Json.send(res, DemoUser.ALL))
                .post("/session", this::signIn);
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        String subject = Json.read(req, SubjectBody.class).subject();
        DemoUser user = DemoUser.ALL.stream().filter(u -> u.subject().equals(subject)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("no demo user '" + subject + "'"));
        String token = DevTokens.mint(settings.hs256Secret().orElseThrow(), settings.issuer(), settings.audience(),
                user.subject(), user.name(), user.categories(), settings.devTokenTtl());
        Principal principal = verifier.verify(token);
        SessionCookie.set(req, res, token, principal.expiresAt());
        Json.send(res, SessionView.of(principal).withToken(token));
    }

    private record SubjectBody(String subject) {
    }
}
