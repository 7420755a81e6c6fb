package dev.listcast.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFrameParserTest {
    private final List<SseFrame> frames = new ArrayList<>();
    private final SseFrameParser parser = new SseFrameParser(frames::add);

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
    }

    @Test
    void shouldDispatchAnEventOnABlankLine() {
        feed("retry: 2000\n\nevent: listing\nid: 7\ndata: {\"eventId\":\"1@x\"}\n\n");

        assertThat(frames).containsExactly(new SseFrame("listing", "7", "{\"eventId\":\"1@x\"}"));
    }

    @Test
    void shouldJoinFramesSplitAcrossReadsAndCrLf() {
        feed("event: pi");
        feed("ng\r");
        feed("\ndata: {\"at\":1}\r\n\r");
        feed("\n");

        assertThat(frames).containsExactly(new SseFrame("ping", null, "{\"at\":1}"));
    }

    @Test
    void shouldJoinDataLinesWithNewlines() {
        feed("data: a\ndata:b\n\n");

        assertThat(frames).containsExactly(new SseFrame("message", null, "a\nb"));
    }

    @Test
    void shouldIgnoreCommentsAndEventsWithoutData() {
        feed(": keep-alive\n\nevent: lonely\n\n");

        assertThat(frames).isEmpty();
    }
}
