package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;

/** The columns of one {@code market.sellers} row a listing is enriched with; all but {@code id} nullable. */
public record SellerRow(long id, String displayName, Double rating, String city) {

    public SellerRow {
        checkArgument(id > 0, "seller id must be positive: %s", id);
    }
}
