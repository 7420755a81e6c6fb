package dev.listcast.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.edge.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
    private static RequestHead request(String host, String origin) {
        byte[] bytes = ("GET /api/listings/stream HTTP/1.1\r\nHost: " + host + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return RequestHead.parse(bytes, bytes.length);
    }

    @Test
    void shouldAddNothingForARequestWithoutOrigin() {
        assertThat(new CorsPolicy(Set.of()).headers(request("localhost:8081", null))).isEmpty();
    }

    @Test
    void shouldAllowPagesOfTheRequestedHostOnAnyPortByDefault() {
        CorsPolicy sameHost = new CorsPolicy(Set.of());

        assertThat(sameHost.headers(request("localhost:8081", "http://localhost:8080")))
                .isEqualTo("Access-Control-Allow-Origin: http://localhost:8080\r\n"
                        + "Access-Control-Allow-Credentials: true\r\nVary: Origin\r\n");
        assertThat(sameHost.headers(request("[::1]:8081", "http://[::1]:8080"))).contains("http://[::1]:8080");
        assertThatThrownBy(() -> sameHost.headers(request("localhost:8081", "http://127.0.0.1:8080")))
                .isInstanceOf(ApiException.class).hasMessageContaining("http://127.0.0.1:8080 may not open");
        assertThatThrownBy(() -> sameHost.headers(request("localhost:8081", "null")))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> sameHost.headers(request("localhost:8081", "file://localhost")))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void shouldAllowExactlyTheConfiguredOriginsWhenThereAreAny() {
        CorsPolicy listed = new CorsPolicy(Set.of("https://listcast.example"));

        assertThat(listed.headers(request("streams.listcast.example", "https://listcast.example")))
                .startsWith("Access-Control-Allow-Origin: https://listcast.example\r\n");
        assertThatThrownBy(() -> listed.headers(request("listcast.example", "https://listcast.example:8443")))
                .isInstanceOf(ApiException.class);
    }
}
