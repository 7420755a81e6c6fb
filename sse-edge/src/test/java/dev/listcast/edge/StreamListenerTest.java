package dev.listcast.edge;

import static dev.listcast.edge.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stream port as a stranger meets it, over raw sockets: the redirect from the HTTP port, CORS, malformed and
 * oversized heads, clients that never finish their head, and clients that vanish without a word.
 */
class StreamListenerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    static final EdgeExtension EDGE = EdgeExtension.with(Map.of("listcast.stream.head.timeout.millis", "500"));

    @Test
    void shouldRedirectTheHttpPortsStreamPathToTheStreamPortKeepingTheQuery() throws Exception {
        HttpResponse<String> redirect = Http.get(EDGE.port(), "/api/listings/stream?categories=books&q=a%20b");

        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location")).hasValue(
                "http://127.0.0.1:" + EDGE.streamPort() + "/api/listings/stream?categories=books&q=a%20b");

        // As a browser does it: the session cookie is set by the HTTP port, and goes along to the stream port.
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager()).build();
        String http = "http://127.0.0.1:" + EDGE.port();
        browser.send(HttpRequest.newBuilder(URI.create(http + "/api/session"))
                .header("Authorization", bearer(TestEdges.token(TestEdges.unique())))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<InputStream> stream = browser.send(HttpRequest.newBuilder(URI.create(http
                + "/api/listings/stream?categories=books")).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.uri().getPort()).isEqualTo(EDGE.streamPort());
            assertThat(new String(body.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("retry:");
        }
    }

    @Test
    void shouldLetPagesOfTheSameHostReadStreamsWithCredentialsAndRefuseOthers() throws Exception {
        String token = TestEdges.token(TestEdges.unique());
        String allowed = head("GET /api/listings/stream HTTP/1.1", "Host: 127.0.0.1:" + EDGE.streamPort(),
                "Origin: http://127.0.0.1:8080", "Authorization: " + bearer(token));
        String preflight = head("OPTIONS /api/listings/stream HTTP/1.1", "Host: 127.0.0.1:" + EDGE.streamPort(),
                "Origin: http://127.0.0.1:8080", "Access-Control-Request-Headers: last-event-id");
        String foreign = head("GET /api/listings/stream HTTP/1.1", "Host: 127.0.0.1:" + EDGE.streamPort(),
                "Origin: https://evil.example", "Authorization: " + bearer(token));

        assertThat(firstBytes(allowed, 400)).startsWith("HTTP/1.1 200 OK")
                .contains("Access-Control-Allow-Origin: http://127.0.0.1:8080\r\n",
                        "Access-Control-Allow-Credentials: true\r\n", "retry: ");
        assertThat(exchange(preflight)).startsWith("HTTP/1.1 204")
                .contains("Access-Control-Allow-Headers: Authorization, Last-Event-ID")
                .contains("Access-Control-Allow-Origin: http://127.0.0.1:8080");
        assertThat(exchange(foreign)).startsWith("HTTP/1.1 403")
                .doesNotContain("Access-Control-Allow-Origin")
                .contains("\"reason\":\"pages from https://evil.example may not open listing streams");
    }

    @Test
    void shouldAnswerMalformedWrongAndOversizedRequestsWithAJsonReason() throws Exception {
        assertThat(exchange("NONSENSE\r\n\r\n")).startsWith("HTTP/1.1 400")
                .contains("\"reason\":\"malformed request line\"");
        assertThat(exchange("\r\n\r\n")).startsWith("HTTP/1.1 400").contains("\"reason\":\"empty request head\"");
        assertThat(exchange(head("GET /api/listings/stream HTTP/1.1", "Bad\u0001Header: x"))).startsWith("HTTP/1.1 400");
        assertThat(exchange(head("GET /elsewhere HTTP/1.1", "Host: x"))).startsWith("HTTP/1.1 404")
                .contains("this port serves only /api/listings/stream");
        assertThat(exchange(head("POST /api/listings/stream HTTP/1.1", "Host: x"))).startsWith("HTTP/1.1 405");
        assertThat(exchange(head("GET /api/listings/stream?q=%zz HTTP/1.1", "Host: x"))).startsWith("HTTP/1.1 400")
                .contains("malformed query parameter");
        assertThat(exchange(head("GET /api/listings/stream HTTP/1.1", "X-Filler: " + "f".repeat(9_000))))
                .startsWith("HTTP/1.1 431").contains("request head over 8192 bytes");
        assertThat(exchange(head("GET /api/listings/stream HTTP/1.1", "Authorization: Bearer not.a.jwt")))
                .startsWith("HTTP/1.1 401").contains("\"reason\":\"malformed token\"");
    }

    @Test
    void shouldCloseAClientThatNeverFinishesItsHead() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", EDGE.streamPort())) {
            slow.setSoTimeout((int) WAIT.toMillis());
            slow.getOutputStream().write("GET /api/listings/stream HTTP/1.1\r\nHost: x\r\n".getBytes(
                    StandardCharsets.US_ASCII));

            assertThat(slow.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void shouldForgetAVanishedClientWithoutWaitingForAWrite() throws Exception {
        int before = EDGE.connections();
        Socket gone = new Socket("127.0.0.1", EDGE.streamPort());
        gone.getOutputStream().write(head("GET /api/listings/stream HTTP/1.1", "Host: x",
                "Authorization: " + bearer(TestEdges.token(TestEdges.unique()))).getBytes(StandardCharsets.US_ASCII));
        gone.getInputStream().readNBytes(16);
        EDGE.awaitConnections(before + 1);

        gone.close();

        EDGE.awaitConnections(before);
    }

    private static String head(String requestLine, String... headers) {
        return requestLine + "\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
    }

    /** Sends {@code request} and reads the answer until the edge closes the connection. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", EDGE.streamPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends {@code request} and reads what arrives within a second, up to {@code max} bytes (a stream never ends). */
    private static String firstBytes(String request, int max) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", EDGE.streamPort())) {
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[max];
            try {
                int n;
                while (text.length() < max && (n = socket.getInputStream().read(buffer)) > 0) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (SocketTimeoutException enough) {
                // the stream stays open: what came is all there is for now
            }
            return text.toString();
        }
    }
}
