package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;

/**
 * The columns of one {@code market.items} row the pipeline reads, as captured. Every column but {@code id}
 * may be null here: deciding what is valid is the stream processor's job, capture must never refuse a row.
 */
public record ItemRow(
        long id,
        Long sellerId,
        String title,
        String description,
        String category,
        Long priceCents,
        String currency,
        String itemCondition,
        String imageUrl,
        String status) {

    public static final String LISTED = "LISTED";

    public ItemRow {
        checkArgument(id > 0, "item id must be positive: %s", id);
    }

    public boolean isListed() {
        return LISTED.equals(status);
    }
}
