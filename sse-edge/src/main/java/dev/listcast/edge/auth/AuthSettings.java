package dev.listcast.edge.auth;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How tokens are checked (keys under {@code listcast.auth}, see {@code application.yaml}).
 *
 * @param hs256Secret shared secret of HS256 tokens (devstack), if accepted
 * @param jwks file path or http(s) URL of the JWKS holding RS256/ES256 keys (production), if accepted
 * @param jwksMaxAge how old the fetched JWKS may get before it is fetched again (withdrawn keys stop verifying)
 * @param jwksRetry the least time between two fetches, also those for a token naming a key not held yet
 * @param devIssuer whether {@code /api/dev/*} mints tokens for demo users (devstack only)
 * @param devTokenTtl lifetime of those tokens
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 */
public record AuthSettings(
        Optional<String> hs256Secret,
        Optional<String> jwks,
        Duration jwksMaxAge,
        Duration jwksRetry,
        String issuer,
        String audience,
        boolean devIssuer,
        Duration devTokenTtl,
        Duration clockSkew) {

    public AuthSettings {
        Objects.requireNonNull(issuer, "issuer == null");
        Objects.requireNonNull(audience, "audience == null");
        Objects.requireNonNull(jwksMaxAge, "jwksMaxAge == null");
        Objects.requireNonNull(jwksRetry, "jwksRetry == null");
        hs256Secret = hs256Secret.filter(s -> !s.isBlank());
        jwks = jwks.filter(s -> !s.isBlank());
        if (hs256Secret.isEmpty() && jwks.isEmpty()) {
            throw new IllegalArgumentException("no way to verify tokens: set listcast.auth.hs256.secret "
                    + "(LISTCAST_AUTH_HS256_SECRET) or listcast.auth.jwks (LISTCAST_AUTH_JWKS)");
        }
        if (devIssuer && hs256Secret.isEmpty()) {
            throw new IllegalArgumentException("listcast.auth.dev.issuer needs listcast.auth.hs256.secret to sign with");
        }
    }

    public static AuthSettings from(Config auth) {
        return new AuthSettings(
                auth.get("hs256.secret").asString().asOptional(),
                auth.get("jwks").asString().asOptional(),
                Duration.ofSeconds(auth.get("jwks.maxage.seconds").asLong().orElse(300L)),
                Duration.ofSeconds(auth.get("jwks.retry.seconds").asLong().orElse(10L)),
                auth.get("issuer").asString().orElse("listcast-dev"),
                auth.get("audience").asString().orElse("listcast"),
                auth.get("dev.issuer").asBoolean().orElse(false),
                Duration.ofSeconds(auth.get("dev.ttl.seconds").asLong().orElse(8 * 3600L)),
                Duration.ofSeconds(auth.get("skew.seconds").asLong().orElse(5L)));
    }
}
