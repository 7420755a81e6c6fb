package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;
import static dev.listcast.events.Checks.checkNotNull;

/**
 * One captured change of a {@code market.items} row, keyed on the bus by {@code itemId}.
 *
 * @param before the row before an update or delete, null for inserts and snapshot reads
 * @param after the row after an insert, update or snapshot read, null for deletes
 * @param committedAt the transaction's commit time in epoch millis: the binlog's, to the millisecond where the
 *     binlog has whole seconds only (MariaDB) but the row's {@code updated_at} places it within that second
 * @param capturedAt when cdc-ingest read the change, epoch millis
 */
public record ItemChange(
        ChangeOp op,
        long itemId,
        ItemRow before,
        ItemRow after,
        BinlogPosition position,
        long committedAt,
        long capturedAt) {

    public ItemChange {
        checkNotNull(op, "op == null");
        checkNotNull(position, "position == null");
        checkArgument(itemId > 0, "item id must be positive: %s", itemId);
        checkArgument(op == ChangeOp.DELETE ? before != null : after != null,
                "%s of item %s has no %s row", op, itemId, op == ChangeOp.DELETE ? "before" : "after");
        checkArgument(after == null || after.id() == itemId,
                "after row id %s differs from item id %s", after == null ? null : after.id(), itemId);
    }
}
