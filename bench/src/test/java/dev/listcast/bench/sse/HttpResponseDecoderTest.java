package dev.listcast.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseDecoderTest {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final HttpResponseDecoder decoder = new HttpResponseDecoder(body::write);

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        decoder.feed(bytes, 0, bytes.length);
    }

    @Test
    void shouldDechunkABodySplitAnywhere() {
        feed("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nre");
        feed("try\r\n");
        feed("c;ext=1\r\n: 2000\n\ndata\r\n0\r\n\r\n");

        assertThat(decoder.status()).isEqualTo(200);
        assertThat(body.toString(StandardCharsets.US_ASCII)).isEqualTo("retry: 2000\n\ndata");
        assertThat(decoder.done()).isTrue();
    }

    @Test
    void shouldPassAnUnchunkedBodyThrough() {
        feed("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: x\n\n");

        assertThat(body.toString(StandardCharsets.US_ASCII)).isEqualTo("data: x\n\n");
    }

    @Test
    void shouldReadTheStatusOfAnError() {
        feed("HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}");

        assertThat(decoder.headComplete()).isTrue();
        assertThat(decoder.status()).isEqualTo(401);
    }
}
