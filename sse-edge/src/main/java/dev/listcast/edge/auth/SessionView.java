package dev.listcast.edge.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code /api/session} answers; {@code token} only from the dev issuer.
 *
 * @param expiresAt epoch millis
 * @param categories null when the user may see every category
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionView(String subject, String name, long expiresAt, List<String> categories, String token) {
    static SessionView of(Principal principal) {
        return new SessionView(principal.subject(), principal.name(), principal.expiresAt().toEpochMilli(),
                principal.categories() == null ? null : principal.categories().stream().sorted().toList(), null);
    }

    SessionView withToken(String jwt) {
        return new SessionView(subject, name, expiresAt, categories, jwt);
    }
}
