package dev.listcast.edge.auth;

import dev.listcast.edge.ApiException;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.Jwk;
import io.helidon.security.jwt.jwk.JwkKeys;
import io.helidon.security.jwt.jwk.JwkOctet;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a JWT and turns it into a {@link Principal}: signature, {@code exp}, {@code nbf}, {@code iss} and
 * {@code aud}. The key is chosen by the token's {@code alg} from a fixed table, never trusted from the token: HS256
 * only with the configured secret, RS256/ES256 only with an RSA/EC key of the JWKS, anything else (including
 * {@code none}) refused. So an RSA public key can never be used as an HMAC secret, nor an HMAC token pass for RS256.
 */
public final class TokenVerifier {
    private final AuthSettings settings;
    private final Optional<Jwk> hmacKey;
    private final Optional<JwksKeys> publicKeys;

    public TokenVerifier(AuthSettings settings) {
        this.settings = settings;
        this.hmacKey = settings.hs256Secret().map(HmacKeys::hs256);
        this.publicKeys = settings.jwks()
                .map(location -> new JwksKeys(location, settings.jwksMaxAge(), settings.jwksRetry()));
    }

    /** @throws ApiException 401 naming what is wrong with the token */
    public Principal verify(String token) {
        SignedJwt signed;
        try {
            signed = SignedJwt.parseToken(token);
        } catch (RuntimeException e) {
            throw ApiException.unauthorized("malformed token");
        }
        Jwt jwt = signed.getJwt();
        Jwk key = keyFor(jwt);
        if (!key.verifySignature(signed.getSignedBytes(), signed.getSignature())) {
            throw ApiException.unauthorized("bad token signature");
        }
        return claims(jwt);
    }

    private Jwk keyFor(Jwt jwt) {
        String alg = jwt.algorithm().orElse(Jwk.ALG_NONE);
        return switch (alg) {
            case JwkOctet.ALG_HS256 -> hmacKey.orElseThrow(() -> ApiException.unauthorized("HS256 tokens are not accepted"));
            case "RS256" -> publicKey(jwt, Jwk.KEY_TYPE_RSA, alg);
            case "ES256" -> publicKey(jwt, Jwk.KEY_TYPE_EC, alg);
            default -> throw ApiException.unauthorized("token algorithm " + alg + " is not accepted");
        };
    }

    private Jwk publicKey(Jwt jwt, String keyType, String alg) {
        JwkKeys keys = publicKeys.orElseThrow(() -> ApiException.unauthorized(alg + " tokens are not accepted"))
                .current(jwt.keyId());
        List<Jwk> candidates = jwt.keyId().flatMap(keys::forKeyId).map(List::of).orElseGet(keys::keys);
        return candidates.stream()
                .filter(k -> k.keyType().equals(keyType) && alg.equals(k.algorithm()))
                .filter(k -> jwt.keyId().isEmpty() || jwt.keyId().get().equals(k.keyId()))
                .findFirst()
                .orElseThrow(() -> ApiException.unauthorized("no " + alg + " key "
                        + jwt.keyId().map(kid -> "'" + kid + "' ").orElse("") + "to verify the token"));
    }

    private Principal claims(Jwt jwt) {
        Instant now = Instant.now();
        Instant expires = jwt.expirationTime().orElseThrow(() -> ApiException.unauthorized("token has no exp"));
        if (now.isAfter(expires.plus(settings.clockSkew()))) {
            throw ApiException.unauthorized("token expired");
        }
        if (jwt.notBefore().filter(nbf -> now.plus(settings.clockSkew()).isBefore(nbf)).isPresent()) {
            throw ApiException.unauthorized("token not valid yet");
        }
        if (!jwt.issuer().filter(settings.issuer()::equals).isPresent()) {
            throw ApiException.unauthorized("token issuer is not " + settings.issuer());
        }
        if (!jwt.audience().filter(aud -> aud.contains(settings.audience())).isPresent()) {
            throw ApiException.unauthorized("token audience is not " + settings.audience());
        }
        String subject = jwt.subject().filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.unauthorized("token has no subject"));
        return new Principal(subject, jwt.fullName().orElse(subject), expires, categories(jwt));
    }

    /** The optional {@code categories} claim, as a JSON array or a comma-separated string. */
    private static Set<String> categories(Jwt jwt) {
        Optional<JsonValue> claim = jwt.payloadClaim(DevTokens.CATEGORIES_CLAIM);
        if (claim.isEmpty() || claim.get().getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Set<String> categories = new LinkedHashSet<>();
        JsonValue value = claim.get();
        if (value instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).forEach(s -> categories.add(s.getString().strip()));
        } else if (value instanceof JsonString text) {
            Arrays.stream(text.getString().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(categories::add);
        } else {
            throw ApiException.unauthorized("token categories claim is neither a list nor a string");
        }
        return categories;
    }
}
