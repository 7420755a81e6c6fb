package dev.listcast.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HmacJwtTest {
    private static final HmacJwt JWT = new HmacJwt("your-256-bit-secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void shouldSignLikeTheReferenceExampleOfJwtIo() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "1234567890");
        claims.put("name", "John Doe");
        claims.put("iat", 1516239022);

        assertThat(JWT.sign(claims)).isEqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
                + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
                + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
    }

    @Test
    void shouldMintSubjectIssuerAudienceAndTimes() {
        String token = JWT.mint("bench-7", "listcast-dev", "listcast", 1_000, 60);

        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).isEqualTo(
                "{\"sub\":\"bench-7\",\"iss\":\"listcast-dev\",\"aud\":\"listcast\",\"iat\":1000,\"exp\":1060}");
    }

    @Test
    void shouldRefuseAnEmptySecret() {
        assertThatThrownBy(() -> new HmacJwt(new byte[0])).hasMessage("empty HS256 secret");
    }
}
