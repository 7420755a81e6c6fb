package dev.listcast.events;

import static dev.listcast.events.Checks.checkNotNull;

import java.util.Map;

/**
 * One record on the bus, whichever bus it is: a Kafka record (topic, key, value, headers) or a Redis stream
 * entry (stream key, fields). Headers always include {@link TraceParent#HEADER}.
 */
public record BusRecord(String topic, String key, byte[] value, Map<String, String> headers) {

    public BusRecord {
        checkNotNull(topic, "topic == null");
        checkNotNull(value, "value == null");
        headers = Map.copyOf(headers);
    }
}
