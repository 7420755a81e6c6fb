package dev.listcast.edge.source;

/**
 * Redis stream entry ids ({@code <ms>-<seq>}) as the edge's {@code long} offsets and back: the milliseconds in the
 * high bits and the sequence in the low {@value #SEQ_BITS}, so offsets order exactly as ids do.
 */
final class RedisIds {
    static final int SEQ_BITS = 20;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    private RedisIds() {
    }

    /** @throws IllegalArgumentException for a malformed id, or over a million entries in one millisecond */
    static long offset(String id) {
        int dash = id.indexOf('-');
        try {
            long millis = Long.parseLong(dash < 0 ? id : id.substring(0, dash));
            long seq = dash < 0 ? 0 : Long.parseLong(id.substring(dash + 1));
            if (millis < 0 || millis >= 1L << (63 - SEQ_BITS) || seq < 0 || seq > SEQ_MASK) {
                throw new IllegalArgumentException("stream id out of range: " + id);
            }
            return millis << SEQ_BITS | seq;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream id: " + id, e);
        }
    }

    /** The id of {@code offset}; any offset names an id, so {@code offset - 1} is the id just before. */
    static String id(long offset) {
        return (offset >>> SEQ_BITS) + "-" + (offset & SEQ_MASK);
    }

    /** The milliseconds of an id: the time Redis appended the entry. */
    static long millis(long offset) {
        return offset >>> SEQ_BITS;
    }
}
