package dev.listcast.edge.auth;

import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Mints HS256 tokens the edge accepts when it runs with that secret: the dev issuer's sessions, devstack's
 * {@code ./listcast token}, tests.
 *
 * <pre>{@code
 * String jwt = DevTokens.mint(secret, "listcast-dev", "listcast", "ada", Duration.ofHours(8));
 * }</pre>
 */
public final class DevTokens {
    /** The claim that limits a user to some categories. */
    public static final String CATEGORIES_CLAIM = "categories";

    private DevTokens() {
    }

    public static String mint(String secret, String issuer, String audience, String subject, Duration ttl) {
        return mint(secret, issuer, audience, subject, subject, null, ttl);
    }

    /** @param categories the categories the user is limited to, or null for all */
    public static String mint(String secret, String issuer, String audience, String subject, String name,
            List<String> categories, Duration ttl) {
        Instant now = Instant.now();
        Jwt.Builder jwt = Jwt.builder()
                .algorithm("HS256")
                .keyId(HmacKeys.KEY_ID)
                .type("JWT")
                .issuer(issuer)
                .addAudience(audience)
                .subject(subject)
                .fullName(name)
                .issueTime(now)
                .notBefore(now)
                .expirationTime(now.plus(ttl));
        if (categories != null) {
            jwt.addPayloadClaim(CATEGORIES_CLAIM, List.copyOf(categories));
        }
        return SignedJwt.sign(jwt.build(), HmacKeys.hs256(secret)).tokenContent();
    }
}
