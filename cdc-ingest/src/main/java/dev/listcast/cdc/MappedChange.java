package dev.listcast.cdc;

import dev.listcast.events.ItemChange;
import dev.listcast.events.SellerChange;

/** What {@link ChangeMapper} made of one Debezium change event: a row change to publish, or why not. */
public sealed interface MappedChange {

    /** When the change was committed, epoch millis ({@link ChangeMapper#commitTime}); {@code orElse} when rejected. */
    default long committedAt(long orElse) {
        return switch (this) {
            case Item item -> item.change().committedAt();
            case Seller seller -> seller.change().committedAt();
            case Rejected rejected -> orElse;
        };
    }

    /** A change of {@code market.items}, bound for {@code market.items.changes}. */
    record Item(ItemChange change) implements MappedChange {
    }

    /** A change of {@code market.sellers}, bound for the compacted {@code market.sellers.changes}. */
    record Seller(SellerChange change) implements MappedChange {
    }

    /** An event no row change could be made of, bound for the dead-letter topic with this reason. */
    record Rejected(String reason) implements MappedChange {
    }
}
