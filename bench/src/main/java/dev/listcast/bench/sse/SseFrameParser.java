package dev.listcast.bench.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Incremental {@code text/event-stream} parser (the WHATWG rules a browser's EventSource follows): lines end in
 * CR, LF or CRLF, even across reads; a blank line dispatches; {@code :} lines are comments; an event without data is
 * dropped. One instance per connection, fed with whatever bytes a read returned.
 */
public final class SseFrameParser {
    private final Consumer<SseFrame> frames;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean afterCarriageReturn;
    private String event;
    private String id;
    private StringBuilder data;

    public SseFrameParser(Consumer<SseFrame> frames) {
        this.frames = frames;
    }

    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n' && afterCarriageReturn) {
                afterCarriageReturn = false;
                continue;
            }
            afterCarriageReturn = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
            } else {
                append(b);
            }
        }
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    private void endLine() {
        if (lineLength == 0) {
            dispatch();
            return;
        }
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1 + (text.startsWith(" ", colon + 1) ? 1 : 0));
        switch (field) {
            case "event" -> event = value;
            case "id" -> id = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // retry: and unknown fields do not concern the bench
            }
        }
    }

    private void dispatch() {
        if (data != null) {
            frames.accept(new SseFrame(event == null || event.isEmpty() ? "message" : event, id, data.toString()));
        }
        event = null;
        data = null;
        // id persists across events per the spec only as the "last event id"; the bench reads it per frame
        id = null;
    }
}
