package dev.listcast.edge.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-rolled JWTs, so tests can make tokens no well-behaved library would: alg none, confused keys, odd claims. */
public final class TestJwts {
    static final KeyPair RSA = generate("RSA", null);
    static final KeyPair EC = generate("EC", new ECGenParameterSpec("secp256r1"));

    private TestJwts() {
    }

    public static String claims(String issuer, String audience, String subject, Instant exp, Instant nbf) {
        return "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject + "\",\"exp\":"
                + exp.getEpochSecond() + (nbf == null ? "" : ",\"nbf\":" + nbf.getEpochSecond()) + "}";
    }

    static String unsigned(String alg, String kid, String claims) {
        String header = "{\"alg\":\"" + alg + "\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"") + ",\"typ\":\"JWT\"}";
        return b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
    }

    public static String none(String claims) {
        return unsigned("none", null, claims) + ".";
    }

    public static String hs256(byte[] secret, String kid, String claims) {
        String content = unsigned("HS256", kid, claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return content + "." + b64(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rs256(String kid, String claims) {
        return rs256(RSA, kid, claims);
    }

    static String rs256(KeyPair pair, String kid, String claims) {
        return signed("RS256", kid, claims, "SHA256withRSA", pair.getPrivate());
    }

    static String es256(String kid, String claims) {
        return signed("ES256", kid, claims, "SHA256withECDSAinP1363Format", EC.getPrivate());
    }

    /** A JWKS holding the public halves of {@link #RSA} (kid "rsa-1") and {@link #EC} (kid "ec-1"). */
    static String jwks() {
        return jwks(rsaJwk("rsa-1", RSA), ecJwk("ec-1", EC));
    }

    static String jwks(String... keys) {
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    static String rsaJwk(String kid, KeyPair pair) {
        RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + b64(unsigned(rsa.getModulus())) + "\",\"e\":\"" + b64(unsigned(rsa.getPublicExponent())) + "\"}";
    }

    static String ecJwk(String kid, KeyPair pair) {
        ECPublicKey ec = (ECPublicKey) pair.getPublic();
        return "{\"kty\":\"EC\",\"kid\":\"" + kid + "\",\"alg\":\"ES256\",\"use\":\"sig\",\"crv\":\"P-256\",\"x\":\""
                + b64(fixed(ec.getW().getAffineX(), 32)) + "\",\"y\":\"" + b64(fixed(ec.getW().getAffineY(), 32))
                + "\"}";
    }

    static KeyPair newRsa() {
        return generate("RSA", null);
    }

    private static String signed(String alg, String kid, String claims, String algorithm, PrivateKey key) {
        String content = unsigned(alg, kid, claims);
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String type, ECGenParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            if (spec == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(spec);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = unsigned(value);
        byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
        return padded;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
