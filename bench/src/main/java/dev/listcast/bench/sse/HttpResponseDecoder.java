package dev.listcast.bench.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Incremental HTTP/1.1 response decoder for a streaming body: reads the status line and headers, then passes the
 * body on, de-chunked when {@code Transfer-Encoding: chunked} (Helidon and nginx both chunk SSE responses).
 */
public final class HttpResponseDecoder {
    /** Receives the decoded body. */
    public interface Body {
        void bytes(byte[] bytes, int offset, int length);
    }

    private static final int MAX_HEAD = 16 * 1024;

    private enum State { HEAD, IDENTITY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, DONE }

    private final Body body;
    private State state = State.HEAD;
    private byte[] head = new byte[512];
    private int headLength;
    private int status;
    private long chunkRemaining;
    private final StringBuilder sizeLine = new StringBuilder();

    public HttpResponseDecoder(Body body) {
        this.body = body;
    }

    /** The status code, 0 until the head was read. */
    public int status() {
        return status;
    }

    public boolean headComplete() {
        return state != State.HEAD;
    }

    /** True once a chunked body ended with its last (empty) chunk. */
    public boolean done() {
        return state == State.DONE;
    }

    public void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            switch (state) {
                case HEAD -> i = readHead(bytes, i, end);
                case IDENTITY -> {
                    body.bytes(bytes, i, end - i);
                    i = end;
                }
                case CHUNK_SIZE -> i = readChunkSize(bytes, i, end);
                case CHUNK_DATA -> {
                    int n = (int) Math.min(chunkRemaining, end - i);
                    body.bytes(bytes, i, n);
                    i += n;
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) {
                        state = State.CHUNK_END;
                        chunkRemaining = 2;
                    }
                }
                case CHUNK_END -> {
                    // the CRLF closing a chunk's data
                    i++;
                    if (--chunkRemaining == 0) {
                        state = State.CHUNK_SIZE;
                    }
                }
                case DONE -> i = end;
            }
        }
    }

    private int readHead(byte[] bytes, int i, int end) {
        while (i < end) {
            if (headLength == head.length) {
                if (head.length >= MAX_HEAD) {
                    throw new IllegalStateException("response head longer than " + MAX_HEAD + " bytes");
                }
                head = Arrays.copyOf(head, head.length * 2);
            }
            head[headLength++] = bytes[i++];
            if (headLength >= 4 && head[headLength - 4] == '\r' && head[headLength - 3] == '\n'
                    && head[headLength - 2] == '\r' && head[headLength - 1] == '\n') {
                parseHead(new String(head, 0, headLength, StandardCharsets.ISO_8859_1));
                head = null;
                return i;
            }
        }
        return i;
    }

    private void parseHead(String text) {
        String[] lines = text.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("not an HTTP/1.x status line: '" + lines[0] + "'");
        }
        status = Integer.parseInt(statusLine[1]);
        boolean chunked = false;
        for (int n = 1; n < lines.length; n++) {
            String header = lines[n].toLowerCase(Locale.ROOT);
            if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                chunked = true;
            }
        }
        state = chunked ? State.CHUNK_SIZE : State.IDENTITY;
    }

    private int readChunkSize(byte[] bytes, int i, int end) {
        while (i < end) {
            char c = (char) bytes[i++];
            if (c == '\n') {
                String size = sizeLine.toString().strip();
                sizeLine.setLength(0);
                int extension = size.indexOf(';');
                chunkRemaining = Long.parseLong(extension < 0 ? size : size.substring(0, extension).strip(), 16);
                state = chunkRemaining == 0 ? State.DONE : State.CHUNK_DATA;
                return i;
            }
            if (c != '\r') {
                sizeLine.append(c);
            }
        }
        return i;
    }
}
