package dev.listcast.processor.listing;

import dev.listcast.events.BinlogPosition;
import dev.listcast.events.ChangeOp;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ItemRow;

/** Test fixtures: item rows and changes, valid unless a test changes one field. */
public final class ItemChanges {
    public static final long COMMITTED_AT = 1_700_000_000_000L;
    public static final long CAPTURED_AT = COMMITTED_AT + 7;

    private ItemChanges() {
    }

    public static ItemRow listed(long itemId) {
        return row(itemId, ItemRow.LISTED);
    }

    public static ItemRow row(long itemId, String status) {
        return new ItemRow(itemId, 7L, "Air Jordan 1", "Worn twice.", "sneakers", 12_000L, "EUR", "used",
                "https://img.example/1.jpg", status);
    }

    public static ItemRow withTitle(ItemRow row, String title) {
        return new ItemRow(row.id(), row.sellerId(), title, row.description(), row.category(), row.priceCents(),
                row.currency(), row.itemCondition(), row.imageUrl(), row.status());
    }

    public static ItemRow withPrice(ItemRow row, Long priceCents) {
        return new ItemRow(row.id(), row.sellerId(), row.title(), row.description(), row.category(), priceCents,
                row.currency(), row.itemCondition(), row.imageUrl(), row.status());
    }

    public static ItemRow withSeller(ItemRow row, Long sellerId) {
        return new ItemRow(row.id(), sellerId, row.title(), row.description(), row.category(), row.priceCents(),
                row.currency(), row.itemCondition(), row.imageUrl(), row.status());
    }

    public static ItemRow withCategory(ItemRow row, String category) {
        return new ItemRow(row.id(), row.sellerId(), row.title(), row.description(), category, row.priceCents(),
                row.currency(), row.itemCondition(), row.imageUrl(), row.status());
    }

    public static ItemRow withCurrency(ItemRow row, String currency) {
        return new ItemRow(row.id(), row.sellerId(), row.title(), row.description(), row.category(),
                row.priceCents(), currency, row.itemCondition(), row.imageUrl(), row.status());
    }

    public static ItemChange created(ItemRow after, long offset) {
        return new ItemChange(ChangeOp.CREATE, after.id(), null, after, position(offset), COMMITTED_AT, CAPTURED_AT);
    }

    public static ItemChange updated(ItemRow before, ItemRow after, long offset) {
        return new ItemChange(ChangeOp.UPDATE, after.id(), before, after, position(offset), COMMITTED_AT,
                CAPTURED_AT);
    }

    public static BinlogPosition position(long offset) {
        return new BinlogPosition("mariadb-bin.000001", offset, 0);
    }
}
