package dev.listcast.bench.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tiny HS256 JWT encoder: the bench mints one token per simulated user (the edge caps streams per user), and
 * a JWT library would be a dependency for twenty lines of HMAC.
 */
public final class HmacJwt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    public HmacJwt(byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("empty HS256 secret");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** Claims {@code sub}, {@code iss}, {@code aud}, {@code iat} and {@code exp} (epoch seconds). */
    public String mint(String subject, String issuer, String audience, long issuedAtSeconds, long lifetimeSeconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("iat", issuedAtSeconds);
        claims.put("exp", issuedAtSeconds + lifetimeSeconds);
        return sign(claims);
    }

    /** Returns {@code base64url(header).base64url(claims).base64url(HMAC-SHA256 of the first two)}. */
    public String sign(Map<String, Object> claims) {
        try {
            String signingInput = BASE64URL.encodeToString(HEADER) + "."
                    + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot sign a JWT: " + e.getMessage(), e);
        }
    }
}
