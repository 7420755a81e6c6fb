package dev.listcast.bench.sse;

/** What the client tells the scenario, on the client's selector threads: keep these calls short. */
public interface SseListener {
    /** The response head arrived with status 200. */
    void opened(int connection, long nanos);

    /** A frame arrived; {@code nanos} is {@link System#nanoTime()} taken when its bytes were read. */
    void frame(int connection, SseFrame frame, long nanos);

    /** The connection failed or ended: refused, non-200 status, closed by the server. */
    void failed(int connection, String reason);
}
