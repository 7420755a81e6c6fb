package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;

import java.util.regex.Pattern;

/** Topic names (Kafka) and stream keys (Redis) of the pipeline. */
public final class Topics {
    /** {@link ItemChange}s keyed by item id. */
    public static final String ITEM_CHANGES = "market.items.changes";
    /** {@link SellerChange}s keyed by seller id; compacted, it feeds the sellers table. */
    public static final String SELLER_CHANGES = "market.sellers.changes";
    /** {@link DeadLetter}s. */
    public static final String DEAD_LETTERS = "listings.dlq";
    /** Prefix of the per-category {@link ListingEvent} topics. */
    public static final String LISTINGS_PREFIX = "listings.";
    /** Every per-category listing topic and none other (the dead-letter topic shares the prefix). */
    public static final Pattern LISTINGS = Pattern.compile("listings\\.(?!dlq$)[a-z0-9-]+");

    private Topics() {
    }

    /** Returns {@code listings.<category>}. */
    public static String listings(String category) {
        String topic = LISTINGS_PREFIX + category;
        checkArgument(LISTINGS.matcher(topic).matches(), "not a listing category: '%s'", category);
        return topic;
    }

    /** Returns the category of a listing topic. */
    public static String category(String listingTopic) {
        checkArgument(LISTINGS.matcher(listingTopic).matches(), "not a listing topic: '%s'", listingTopic);
        return listingTopic.substring(LISTINGS_PREFIX.length());
    }
}
