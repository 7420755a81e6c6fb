package dev.listcast.edge.fanout;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSE {@code id:} of a listing event, {@code <log timestamp ms>-<eventId>}, e.g.
 * {@code 1764780000009-42@mariadb-bin.000003:1234:0}. Any edge can resume from it: the timestamp says where to start
 * reading the listing topics (minus an overlap, because partitions interleave differently on each edge), and the
 * event id pins the event itself, whose partition proves everything before it in that partition was delivered.
 * A topic/partition/offset vector would be exact too, but grows with every category and is re-built per event; the
 * client drops the few overlap repeats by {@code eventId} anyway.
 *
 * <p>An empty event id ({@code 1764780000009-}) marks a moment without an event: what polling answers before the
 * first listing arrives.
 */
public record ResumeId(long timestamp, String eventId) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,15})-(.{0,200})");

    public ResumeId {
        Objects.requireNonNull(eventId, "eventId == null");
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative: " + timestamp);
        }
    }

    /** A moment without an event. */
    public static ResumeId at(long timestamp) {
        return new ResumeId(timestamp, "");
    }

    /** Empty for anything that is not an id this edge (or another) handed out. */
    public static Optional<ResumeId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches() || m.group(2).chars().anyMatch(c -> c < 0x20)) {
            return Optional.empty();
        }
        return Optional.of(new ResumeId(Long.parseLong(m.group(1)), m.group(2)));
    }

    public boolean hasEvent() {
        return !eventId.isEmpty();
    }

    @Override
    public String toString() {
        return timestamp + "-" + eventId;
    }
}
