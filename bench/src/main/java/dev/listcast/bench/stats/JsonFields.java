package dev.listcast.bench.stats;

/**
 * Reads one top-level field of a flat JSON object without a parser: the selector threads see up to a million
 * deliveries per run and only need the event id, so a full parse per copy would make the client the bottleneck.
 * Full parsing happens once per event, after the run.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** The string value of {@code "name":"..."}, null when absent or not a plain string (no escapes handled). */
    public static String string(String json, String name) {
        int start = valueStart(json, name);
        if (start < 0 || start >= json.length() || json.charAt(start) != '"') {
            return null;
        }
        int end = json.indexOf('"', start + 1);
        return end < 0 ? null : json.substring(start + 1, end);
    }

    /** The integer value of {@code "name":123}, or -1 when absent. */
    public static long number(String json, String name) {
        int start = valueStart(json, name);
        if (start < 0) {
            return -1;
        }
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return end == start ? -1 : Long.parseLong(json, start, end, 10);
    }

    private static int valueStart(String json, String name) {
        String key = "\"" + name + "\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int i = at + key.length();
        while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == ':')) {
            i++;
        }
        return i;
    }
}
