package dev.listcast.edge.auth;

import io.helidon.security.jwt.jwk.Jwk;
import io.helidon.security.jwt.jwk.JwkOctet;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The HS256 key of a shared secret, as the JWT library wants it: an octet JWK. */
final class HmacKeys {
    static final String KEY_ID = "listcast-hs256";

    private HmacKeys() {
    }

    static Jwk hs256(String secret) {
        String k = Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        return JwkOctet.create(Json.createObjectBuilder()
                .add("kty", Jwk.KEY_TYPE_OCT)
                .add("kid", KEY_ID)
                .add("alg", JwkOctet.ALG_HS256)
                .add("k", k)
                .build());
    }
}
