package dev.listcast.processor.listing;

import dev.listcast.events.ItemChange;
import dev.listcast.events.ItemRow;
import dev.listcast.events.ListingKind;
import java.util.Optional;

/**
 * Decides whether an item change is something buyers are told about, before anything is validated:
 * <ul>
 *   <li>a row inserted or snapshot-read with status {@code LISTED}: a listing;</li>
 *   <li>an update moving status to {@code LISTED} from anything else: a relisting (also a listing);</li>
 *   <li>an update of a listed item that stays listed with a lower price: a price drop.</li>
 * </ul>
 * Everything else (deletes, drafts, other edits) is not. An update without its before row cannot tell a move to
 * {@code LISTED} from an edit of a listed item, so it is not a listing: telling buyers twice about every edit
 * would be worse than missing a relisting on a database that does not log full before images.
 */
public final class ListingDetector {
    private ListingDetector() {
    }

    public static Optional<ListingKind> detect(ItemChange change) {
        ItemRow after = change.after();
        ItemRow before = change.before();
        return switch (change.op()) {
            case CREATE, SNAPSHOT -> after.isListed() ? Optional.of(ListingKind.LISTING) : Optional.empty();
            case UPDATE -> {
                if (before == null || !after.isListed()) {
                    yield Optional.empty();
                }
                if (!before.isListed()) {
                    yield Optional.of(ListingKind.LISTING);
                }
                yield isPriceDrop(before, after) ? Optional.of(ListingKind.PRICE_DROP) : Optional.empty();
            }
            case DELETE -> Optional.empty();
        };
    }

    private static boolean isPriceDrop(ItemRow before, ItemRow after) {
        return before.priceCents() != null && after.priceCents() != null
                && after.priceCents() < before.priceCents();
    }
}
