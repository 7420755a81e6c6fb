package dev.listcast.bench.hop;

import dev.listcast.events.BinlogPosition;
import dev.listcast.events.ChangeOp;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ItemRow;
import java.time.Instant;

/**
 * Listed-item changes no database ever held, for measuring the stream processor alone. Item ids start at
 * {@value #ITEM_ID_FLOOR}, far above any real row, and each run takes its own block of {@value #MAX_RECORDS} ids by
 * its start second, so the processor's dedupe (by item id and binlog position) never drops a later run's records.
 * The position's offset is the id's distance from the floor: unique too, and telling where a record came from.
 */
public record SyntheticListings(long firstItemId, String category) {
    public static final long ITEM_ID_FLOOR = 9_000_000_000L;
    public static final int MAX_RECORDS = 100_000;
    public static final String BINLOG_FILE = "bench-hop.000001";
    /** Run blocks wrap after this many seconds (~3 years), keeping ids far below 2^53 for JavaScript clients. */
    private static final long RUN_BLOCKS = 100_000_000L;

    public SyntheticListings {
        if (firstItemId < ITEM_ID_FLOOR) {
            throw new IllegalArgumentException("synthetic item ids start at " + ITEM_ID_FLOOR + ": " + firstItemId);
        }
    }

    /** The block of the run started at {@code start}. */
    public static SyntheticListings forRun(Instant start, String category) {
        return new SyntheticListings(ITEM_ID_FLOOR + start.getEpochSecond() % RUN_BLOCKS * MAX_RECORDS, category);
    }

    public long itemId(int index) {
        if (index < 0 || index >= MAX_RECORDS) {
            throw new IllegalArgumentException("record index out of [0, " + MAX_RECORDS + "): " + index);
        }
        return firstItemId + index;
    }

    /** The {@code index}th record of the run: an insert of a listed item, committed and captured at {@code nowMillis}. */
    public ItemChange change(int index, long nowMillis) {
        long id = itemId(index);
        ItemRow row = new ItemRow(id, 1L + index % 5, "Bench hop item " + index, "Synthetic listing from listcast"
                + " bench hop.", category, 10_000L + index, "EUR", "used", null, ItemRow.LISTED);
        return new ItemChange(ChangeOp.CREATE, id, null, row, new BinlogPosition(BINLOG_FILE, id - ITEM_ID_FLOOR, 0),
                nowMillis, nowMillis);
    }
}
