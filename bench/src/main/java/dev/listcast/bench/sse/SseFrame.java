package dev.listcast.bench.sse;

/**
 * One dispatched server-sent event.
 *
 * @param event the {@code event:} field, {@code message} when absent (as EventSource does)
 * @param id the {@code id:} field, null when absent
 * @param data the {@code data:} lines joined by {@code \n}
 */
public record SseFrame(String event, String id, String data) {
    public SseFrame {
        if (event == null || data == null) {
            throw new NullPointerException("event or data is null: " + event + ", " + data);
        }
    }
}
