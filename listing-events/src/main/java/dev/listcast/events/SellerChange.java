package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;
import static dev.listcast.events.Checks.checkNotNull;

/**
 * One captured change of a {@code market.sellers} row, keyed by {@code sellerId} on a compacted topic.
 *
 * @param after the row as it now is, null when the seller was deleted
 */
public record SellerChange(
        ChangeOp op,
        long sellerId,
        SellerRow after,
        BinlogPosition position,
        long committedAt,
        long capturedAt) {

    public SellerChange {
        checkNotNull(op, "op == null");
        checkNotNull(position, "position == null");
        checkArgument(sellerId > 0, "seller id must be positive: %s", sellerId);
        checkArgument(op == ChangeOp.DELETE || after != null, "%s of seller %s has no after row", op, sellerId);
    }
}
