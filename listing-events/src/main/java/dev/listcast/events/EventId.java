package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;
import static dev.listcast.events.Checks.checkNotNull;

/**
 * Deterministic listing event ids: the item and the binlog position of the change that caused the event.
 * A change replayed by CDC after a crash, or re-produced after an aborted transaction, gets the same id, so
 * every later stage (and the browser) can drop the repeat.
 */
public final class EventId {
    private EventId() {
    }

    /** Returns {@code <itemId>@<binlog position>}, e.g. {@code 42@mariadb-bin.000003:1234:0}. */
    public static String of(long itemId, BinlogPosition position) {
        checkArgument(itemId > 0, "item id must be positive: %s", itemId);
        checkNotNull(position, "position == null");
        return itemId + "@" + position;
    }
}
