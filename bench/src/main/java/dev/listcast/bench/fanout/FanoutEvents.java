package dev.listcast.bench.fanout;

import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.ListingKind;
import dev.listcast.events.Topics;

/**
 * The events a fan-out round publishes: real {@link ListingEvent} JSON (the edge decodes it), padded through the
 * description to the requested size so both servers carry the same bytes. Item ids are unique per run, so
 * deliveries are matched to publishes by item id and no edge dedupe cache recognises them from an earlier run.
 */
public final class FanoutEvents {
    /** Events go to the catch-all topic: every unfiltered subscriber receives it. */
    public static final String CATEGORY = "other";
    public static final String TOPIC = Topics.listings(CATEGORY);

    private FanoutEvents() {
    }

    /** Item id {@code seq} of the run that started at {@code runMillis}. */
    public static long itemId(long runMillis, int seq) {
        if (seq < 0 || seq > 999) {
            throw new IllegalArgumentException("event number out of 0..999: " + seq);
        }
        // nine digits, above real auto-increment ids, unique across runs for ten days: short ids keep the bare
        // event under the 230 bytes compared in FACTS.md
        return 100_000_000L + (runMillis / 1000 % 900_000) * 1000 + seq;
    }

    /** The JSON of event {@code itemId}, padded through its title to {@code targetBytes} unless already longer. */
    public static byte[] body(long itemId, long nowMillis, int targetBytes) {
        byte[] bare = ListingJson.encode(event(itemId, nowMillis, ""));
        int padding = Math.max(0, targetBytes - bare.length);
        return padding == 0 ? bare : ListingJson.encode(event(itemId, nowMillis, "x".repeat(padding)));
    }

    private static ListingEvent event(long itemId, long nowMillis, String padding) {
        // only the fields the contract requires; the Kafka record carries the trace context as a header
        return new ListingEvent(itemId + "@b:1:0", ListingKind.LISTING, itemId, "b" + padding, null, CATEGORY, 100,
                null, "EUR", null, null, 1, null, null, nowMillis, nowMillis, nowMillis, null);
    }
}
