package dev.listcast.edge.fanout;

import dev.listcast.edge.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Server-sent event frames as bytes. Data is always single-line JSON, so every frame is one {@code data:} line; the
 * edge writes frames itself because Helidon's {@code SseSink} never writes {@code retry:}.
 */
public final class SseFrames {
    private SseFrames() {
    }

    /** The first frame of every stream: how long EventSource waits before reconnecting. */
    public static byte[] retry(long millis) {
        return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A frame with {@code id:}: listings and price drops, which a client can resume from. */
    public static byte[] event(String name, String id, byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 96);
        out.writeBytes(("event: " + name + "\nid: " + id + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(json);
        out.writeBytes(new byte[] {'\n', '\n'});
        return out.toByteArray();
    }

    /** A control event without {@code id:}, so it never moves the client's resume position. */
    public static byte[] control(String name, Map<String, ?> data) {
        return ("event: " + name + "\ndata: " + new String(Json.bytes(data), StandardCharsets.UTF_8) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] ping(long at) {
        return control("ping", Map.of("at", at));
    }

    /** {@code replaced}, {@code overflow}, {@code auth-expired}, {@code reset}: each carries a reason. */
    public static byte[] ending(String name, String reason) {
        return control(name, Map.of("reason", reason));
    }
}
