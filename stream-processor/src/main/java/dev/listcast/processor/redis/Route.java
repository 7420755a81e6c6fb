package dev.listcast.processor.redis;

import java.util.Objects;

/** What a worker does with one input entry: only acknowledge it, or write one output entry and acknowledge. */
sealed interface Route permits Route.Acknowledge, Route.Write {

    /** Not a listing: nothing to write. */
    record Acknowledge() implements Route {
    }

    /**
     * Write {@code value} to {@code stream} unless {@code marker} exists (then the output was written before, by
     * this or another worker); set the marker; acknowledge.
     */
    record Write(String marker, String stream, String key, byte[] value, String traceparent) implements Route {
        public Write {
            Objects.requireNonNull(marker, "marker == null");
            Objects.requireNonNull(stream, "stream == null");
            Objects.requireNonNull(value, "value == null");
            Objects.requireNonNull(traceparent, "traceparent == null");
        }
    }
}
