package dev.listcast.processor.redis;

import dev.listcast.events.TraceParent;
import io.lettuce.core.StreamMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of a Listcast stream in the bus's field layout (written by cdc-ingest's {@code RedisBusPublisher}):
 * {@code key} (text, optional), {@code value} (raw bytes), and the headers, {@code traceparent} among them.
 *
 * @param key null when the entry has none
 * @param value null when the entry has none (not written by Listcast)
 * @param traceparent null when missing
 */
record StreamEntry(String id, String key, byte[] value, String traceparent) {
    static final String KEY_FIELD = "key";
    static final String VALUE_FIELD = "value";

    /** Reads an entry as XREADGROUP, XREAD or XAUTOCLAIM returned it. */
    static StreamEntry of(StreamMessage<byte[], byte[]> message) {
        String key = null;
        byte[] value = null;
        String traceparent = null;
        Map<byte[], byte[]> body = message.getBody() == null ? Map.of() : message.getBody();
        for (Map.Entry<byte[], byte[]> field : body.entrySet()) {
            switch (text(field.getKey())) {
                case KEY_FIELD -> key = text(field.getValue());
                case VALUE_FIELD -> value = field.getValue();
                case TraceParent.HEADER -> traceparent = text(field.getValue());
                default -> {
                    // Other headers are not used by the processor.
                }
            }
        }
        return new StreamEntry(message.getId(), key, value, traceparent);
    }

    /** The entry's fields for XADD, in order: key (when there is one), value, traceparent. */
    static List<byte[]> fields(String key, byte[] value, String traceparent) {
        List<byte[]> fields = new ArrayList<>(6);
        if (key != null) {
            fields.add(bytes(KEY_FIELD));
            fields.add(bytes(key));
        }
        fields.add(bytes(VALUE_FIELD));
        fields.add(value);
        fields.add(bytes(TraceParent.HEADER));
        fields.add(bytes(traceparent));
        return fields;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
