package dev.listcast.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.edge.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {
    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";
    private static final String ISS = "listcast-dev";
    private static final String AUD = "listcast";

    @TempDir
    Path dir;

    private static TokenVerifier hmacOnly() {
        return new TokenVerifier(new AuthSettings(Optional.of(SECRET), Optional.empty(), ISS, AUD, false,
                Duration.ofHours(1), Duration.ZERO));
    }

    private TokenVerifier jwksOnly() throws IOException {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestJwts.jwks());
        return new TokenVerifier(new AuthSettings(Optional.empty(), Optional.of(jwks.toString()), ISS, AUD, false,
                Duration.ofHours(1), Duration.ZERO));
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
}
