package dev.listcast.processor.kafka;

import dev.listcast.events.ListingCodecException;
import dev.listcast.events.ListingJson;
import java.util.logging.Logger;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde over the contract's one codec, {@link ListingJson}. A strict serde turns codec failures into
 * {@link SerializationException}, which the handlers configured in {@link ListingTopology#streamsConfig} log and
 * skip; a lenient one reads unreadable bytes as null, for tables where a junk row must never stop the table.
 */
final class JsonSerde<T> implements Serde<T> {
    private static final Logger LOG = Logger.getLogger(JsonSerde.class.getName());

    private final Class<T> type;
    private final boolean lenient;

    private JsonSerde(Class<T> type, boolean lenient) {
        this.type = type;
        this.lenient = lenient;
    }

    static <T> JsonSerde<T> strict(Class<T> type) {
        return new JsonSerde<>(type, false);
    }

    static <T> JsonSerde<T> lenient(Class<T> type) {
        return new JsonSerde<>(type, true);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return ListingJson.encode(value);
            } catch (ListingCodecException e) {
                throw new SerializationException(e.getMessage(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return ListingJson.decode(bytes, type);
            } catch (ListingCodecException e) {
                if (lenient) {
                    LOG.warning(() -> "skipping unreadable record on " + topic + ": " + e.getMessage());
                    return null;
                }
                throw new SerializationException(e.getMessage(), e);
            }
        };
    }
}
