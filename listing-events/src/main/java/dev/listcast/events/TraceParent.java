package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C trace context ({@code traceparent}), carried as a header on every bus record and as a field of every
 * listing event, so one trace follows a listing from the commit to the rendered toast.
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {
    /** The header (Kafka record header, Redis stream field, HTTP header) holding the context. */
    public static final String HEADER = "traceparent";
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    public TraceParent {
        checkArgument(traceId != null && TRACE_ID.matcher(traceId).matches() && !INVALID_TRACE.equals(traceId),
                "not a trace id: '%s'", traceId);
        checkArgument(spanId != null && SPAN_ID.matcher(spanId).matches() && !INVALID_SPAN.equals(spanId),
                "not a span id: '%s'", spanId);
    }

    /** Starts a new sampled trace. */
    public static TraceParent newRoot() {
        return new TraceParent(randomHex(16), randomHex(8), true);
    }

    /** Same trace, new span: what a stage passes on after doing its own work. */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(8), sampled);
    }

    /** Parses a {@code traceparent} value; empty for anything malformed, which must never stop a record. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null || header.length() != 55) {
            return Optional.empty();
        }
        String[] parts = header.split("-");
        if (parts.length != 4 || !"00".equals(parts[0]) || !parts[3].matches("[0-9a-f]{2}")) {
            return Optional.empty();
        }
        try {
            boolean sampled = (Integer.parseInt(parts[3], 16) & 1) == 1;
            return Optional.of(new TraceParent(parts[1], parts[2], sampled));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Continues the trace in {@code header}, or starts a new one when it is missing or malformed. */
    public static TraceParent childOf(String header) {
        return parse(header).map(TraceParent::child).orElseGet(TraceParent::newRoot);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (isZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
