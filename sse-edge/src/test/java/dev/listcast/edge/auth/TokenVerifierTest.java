package dev.listcast.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.listcast.edge.ApiException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {
    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";
    private static final String ISS = "listcast-dev";
    private static final String AUD = "listcast";

    @TempDir
    Path dir;

    private static TokenVerifier hmacOnly() {
        return new TokenVerifier(settings(Optional.of(SECRET), Optional.empty(), Duration.ZERO, Duration.ZERO));
    }

    private TokenVerifier jwksOnly() throws IOException {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestJwts.jwks());
        return jwksOnly(jwks.toString(), Duration.ofHours(1), Duration.ZERO);
    }

    private static TokenVerifier jwksOnly(String location, Duration maxAge, Duration retry) {
        return new TokenVerifier(settings(Optional.empty(), Optional.of(location), maxAge, retry));
    }

    private static AuthSettings settings(Optional<String> secret, Optional<String> jwks, Duration jwksMaxAge,
            Duration jwksRetry) {
        return new AuthSettings(secret, jwks, jwksMaxAge, jwksRetry, ISS, AUD, false, Duration.ofHours(1),
                Duration.ZERO);
    }

    private static String validClaims() {
        return TestJwts.claims(ISS, AUD, "ada", Instant.now().plusSeconds(60), null);
    }

    private static void assertRefused(TokenVerifier verifier, String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(ApiException.class)
                .hasMessage(reason)
                .extracting(e -> ((ApiException) e).status().code()).isEqualTo(401);
    }

    @Test
    void shouldAcceptADevTokenWithItsClaims() {
        String token = DevTokens.mint(SECRET, ISS, AUD, "grace", "Grace Hopper", List.of("sneakers", "consoles"),
                Duration.ofMinutes(5));

        Principal principal = hmacOnly().verify(token);

        assertThat(principal.subject()).isEqualTo("grace");
        assertThat(principal.name()).isEqualTo("Grace Hopper");
        assertThat(principal.categories()).containsExactlyInAnyOrder("sneakers", "consoles");
        assertThat(principal.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void shouldLeaveAnUnrestrictedUserWithoutCategories() {
        assertThat(hmacOnly().verify(DevTokens.mint(SECRET, ISS, AUD, "ada", Duration.ofMinutes(5))).categories())
                .isNull();
    }

    @Test
    void shouldRefuseABadSignature() {
        assertRefused(hmacOnly(), DevTokens.mint("another-secret-of-at-least-thirty-two-b", ISS, AUD, "ada",
                Duration.ofMinutes(5)), "bad token signature");
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        assertRefused(hmacOnly(), TestJwts.hs256(SECRET.getBytes(StandardCharsets.UTF_8), null,
                TestJwts.claims(ISS, AUD, "ada", Instant.now().minusSeconds(5), null)), "token expired");
    }

    @Test
    void shouldRefuseATokenNotValidYet() {
        assertRefused(hmacOnly(), TestJwts.hs256(SECRET.getBytes(StandardCharsets.UTF_8), null,
                TestJwts.claims(ISS, AUD, "ada", Instant.now().plusSeconds(600), Instant.now().plusSeconds(300))),
                "token not valid yet");
    }

    @Test
    void shouldRefuseTheWrongAudience() {
        assertRefused(hmacOnly(), DevTokens.mint(SECRET, ISS, "someone-else", "ada", Duration.ofMinutes(5)),
                "token audience is not listcast");
    }

    @Test
    void shouldRefuseTheWrongIssuer() {
        assertRefused(hmacOnly(), DevTokens.mint(SECRET, "evil", AUD, "ada", Duration.ofMinutes(5)),
                "token issuer is not listcast-dev");
    }

    @Test
    void shouldRefuseAlgNone() {
        assertRefused(hmacOnly(), TestJwts.none(validClaims()), "token algorithm none is not accepted");
    }

    @Test
    void shouldRefuseGarbage() {
        assertRefused(hmacOnly(), "not.a.jwt", "malformed token");
    }

    @Test
    void shouldAcceptRs256AndEs256FromTheJwks() throws IOException {
        TokenVerifier verifier = jwksOnly();

        assertThat(verifier.verify(TestJwts.rs256("rsa-1", validClaims())).subject()).isEqualTo("ada");
        assertThat(verifier.verify(TestJwts.es256("ec-1", validClaims())).subject()).isEqualTo("ada");
    }

    @Test
    void shouldRefuseHs256SignedWithThePublicKeyWhenOnlyTheJwksIsTrusted() throws IOException {
        byte[] publicKey = TestJwts.RSA.getPublic().getEncoded();

        assertRefused(jwksOnly(), TestJwts.hs256(publicKey, "rsa-1", validClaims()), "HS256 tokens are not accepted");
    }

    @Test
    void shouldRefuseRs256WhenOnlyTheSecretIsTrusted() {
        assertRefused(hmacOnly(), TestJwts.rs256("rsa-1", validClaims()), "RS256 tokens are not accepted");
    }

    @Test
    void shouldRefuseAnAlgorithmThatDoesNotFitTheNamedKey() throws IOException {
        assertRefused(jwksOnly(), TestJwts.es256("rsa-1", validClaims()), "no ES256 key 'rsa-1' to verify the token");
    }

    @Test
    void shouldAcceptAKeyRotatedIntoTheJwksFromItsFirstToken() throws IOException {
        KeyPair next = TestJwts.newRsa();
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestJwts.jwks());
        TokenVerifier verifier = jwksOnly(jwks.toString(), Duration.ofHours(1), Duration.ZERO);
        Files.writeString(jwks, TestJwts.jwks(TestJwts.rsaJwk("rsa-1", TestJwts.RSA), TestJwts.rsaJwk("rsa-2", next)));

        assertThat(verifier.verify(TestJwts.rs256(next, "rsa-2", validClaims())).subject()).isEqualTo("ada");
        assertThat(verifier.verify(TestJwts.rs256("rsa-1", validClaims())).subject()).isEqualTo("ada");
    }

    @Test
    void shouldRefuseAKeyWithdrawnFromTheJwksOnceTheFetchedKeysAreTooOld() throws IOException {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestJwts.jwks());
        TokenVerifier verifier = jwksOnly(jwks.toString(), Duration.ZERO, Duration.ZERO);
        verifier.verify(TestJwts.rs256("rsa-1", validClaims()));
        Files.writeString(jwks, TestJwts.jwks(TestJwts.ecJwk("ec-1", TestJwts.EC)));

        assertRefused(verifier, TestJwts.rs256("rsa-1", validClaims()), "no RS256 key 'rsa-1' to verify the token");
    }

    @Test
    void shouldNotFetchAgainForUnknownKeyIdsWithinTheRetryInterval() throws IOException {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestJwts.jwks());
        TokenVerifier verifier = jwksOnly(jwks.toString(), Duration.ofHours(1), Duration.ofHours(1));
        KeyPair next = TestJwts.newRsa();
        Files.writeString(jwks, TestJwts.jwks(TestJwts.rsaJwk("rsa-2", next)));

        assertRefused(verifier, TestJwts.rs256(next, "rsa-2", validClaims()),
                "no RS256 key 'rsa-2' to verify the token");
        assertThat(verifier.verify(TestJwts.rs256("rsa-1", validClaims())).subject()).isEqualTo("ada");
    }

    @Test
    void shouldFetchTheJwksOverHttpAndKeepItsKeysWhileTheProviderIsDown() throws IOException {
        KeyPair next = TestJwts.newRsa();
        AtomicReference<String> served = new AtomicReference<>(TestJwts.jwks());
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/jwks.json", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.length == 0 ? 503 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        TokenVerifier verifier;
        try {
            verifier = jwksOnly("http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks.json", Duration.ZERO,
                    Duration.ZERO);
            assertThat(verifier.verify(TestJwts.rs256("rsa-1", validClaims())).subject()).isEqualTo("ada");

            served.set(TestJwts.jwks(TestJwts.rsaJwk("rsa-2", next)));
            assertThat(verifier.verify(TestJwts.rs256(next, "rsa-2", validClaims())).subject()).isEqualTo("ada");

            served.set("");
            assertThat(verifier.verify(TestJwts.rs256(next, "rsa-2", validClaims())).subject()).isEqualTo("ada");
        } finally {
            provider.stop(0);
        }
        assertThat(verifier.verify(TestJwts.rs256(next, "rsa-2", validClaims())).subject()).isEqualTo("ada");
    }

    @Test
    void shouldRefuseToStartWhenTheJwksCannotBeLoaded() {
        String missing = dir.resolve("missing.json").toString();

        assertThatThrownBy(() -> jwksOnly(missing, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot load the JWKS from " + missing + " (listcast.auth.jwks): ");
    }
}
