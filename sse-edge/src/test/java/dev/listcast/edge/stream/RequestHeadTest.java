package dev.listcast.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.edge.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHeadTest {
    private static RequestHead parse(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        int length = RequestHead.length(bytes, bytes.length);
        assertThat(length).as("complete head").isEqualTo(bytes.length);
        return RequestHead.parse(bytes, length);
    }

    @Test
    void shouldFindTheEndOfTheHeadOnlyAfterTheBlankLine() {
        byte[] partial = "GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] withBody = "GET / HTTP/1.1\r\n\r\nleftover".getBytes(StandardCharsets.US_ASCII);

        assertThat(RequestHead.length(partial, partial.length)).isEqualTo(-1);
        assertThat(RequestHead.length(withBody, withBody.length)).isEqualTo(18);
    }

    @Test
    void shouldDecodeQueryAndJoinRepeatedHeaders() {
        RequestHead head = parse("GET /api/listings/stream?categories=sneakers%2Cbooks&q=caf%C3%A9+noir&q=second"
                + "&flag HTTP/1.1\r\nHost: edge:8081\r\nX-Forwarded-For: a\r\nx-forwarded-for: b\r\n\r\n");

        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.path()).isEqualTo("/api/listings/stream");
        assertThat(head.param("categories")).hasValue("sneakers,books");
        assertThat(head.param("q")).hasValue("café noir");
        assertThat(head.param("flag")).hasValue("");
        assertThat(head.header("host")).hasValue("edge:8081");
        assertThat(head.header("x-forwarded-for")).hasValue("a, b");
    }

    @Test
    void shouldReadCookiesSplitOnSemicolonsOnly() {
        RequestHead browser = parse("GET / HTTP/1.1\r\nCookie: theme=dark; listcast_session=abc.def.ghi\r\n\r\n");
        RequestHead quoted = parse("GET / HTTP/1.1\r\nCookie: listcast_session=\"abc\"\r\n\r\n");
        RequestHead twoHeaders = parse("GET / HTTP/1.1\r\nCookie: a=1\r\nCookie: listcast_session=xyz\r\n\r\n");
        RequestHead smuggled = parse("GET / HTTP/1.1\r\nCookie: x=a,listcast_session=forged; listcast_session=real"
                + "\r\n\r\n");

        assertThat(browser.cookie("listcast_session")).hasValue("abc.def.ghi");
        assertThat(quoted.cookie("listcast_session")).hasValue("abc");
        assertThat(twoHeaders.cookie("listcast_session")).hasValue("xyz");
        assertThat(smuggled.cookie("listcast_session")).hasValue("real");
        assertThat(browser.cookie("missing")).isEmpty();
    }

    @Test
    void shouldRefuseMalformedHeadsWithA400Reason() {
        assertThatThrownBy(() -> parse("\r\n\r\n")).isInstanceOf(ApiException.class)
                .hasMessage("empty request head");
        assertThatThrownBy(() -> parse("GET /\r\n\r\n")).isInstanceOf(ApiException.class)
                .hasMessage("malformed request line");
        assertThatThrownBy(() -> parse("GET relative HTTP/1.1\r\n\r\n")).hasMessage("malformed request line");
        assertThatThrownBy(() -> parse("GET / SPDY/3\r\n\r\n")).hasMessage("malformed request line");
        assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nno colon\r\n\r\n")).hasMessage("malformed header line 1");
        assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nX: a\u0000b\r\n\r\n")).hasMessage("malformed header line 1");
        assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nCookie : a=b\r\n\r\n")).hasMessage("malformed header line 1");
        assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n"))
                .hasMessage("malformed header line 2");
        assertThatThrownBy(() -> parse("GET /?q=50% HTTP/1.1\r\n\r\n"))
                .hasMessageStartingWith("malformed query parameter");
        assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(65) + "\r\n"))
                .hasMessage("more than 64 headers");
    }
}
