package dev.listcast.processor.listing;

import static dev.listcast.processor.listing.ItemChanges.created;
import static dev.listcast.processor.listing.ItemChanges.listed;
import static dev.listcast.processor.listing.ItemChanges.position;
import static dev.listcast.processor.listing.ItemChanges.row;
import static dev.listcast.processor.listing.ItemChanges.updated;
import static dev.listcast.processor.listing.ItemChanges.withPrice;
import static dev.listcast.processor.listing.ItemChanges.withTitle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.ChangeOp;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ListingKind;
import org.junit.jupiter.api.Test;

class ListingDetectorTest {

    @Test
    void shouldDetectInsertOfListedItem() {
        assertThat(ListingDetector.detect(created(listed(1), 10))).contains(ListingKind.LISTING);
    }

    @Test
    void shouldDetectSnapshotOfListedItem() {
        ItemChange snapshot = new ItemChange(ChangeOp.SNAPSHOT, 1, null, listed(1), position(10), 0, 0);
        assertThat(ListingDetector.detect(snapshot)).contains(ListingKind.LISTING);
    }

    @Test
    void shouldIgnoreInsertOfDraft() {
        assertThat(ListingDetector.detect(created(row(1, "DRAFT"), 10))).isEmpty();
    }

    @Test
    void shouldDetectRelisting() {
        assertThat(ListingDetector.detect(updated(row(1, "WITHDRAWN"), listed(1), 10))).contains(ListingKind.LISTING);
    }

    @Test
    void shouldDetectPriceDropOfListedItem() {
        assertThat(ListingDetector.detect(updated(listed(1), withPrice(listed(1), 9_000L), 10)))
                .contains(ListingKind.PRICE_DROP);
    }

    @Test
    void shouldIgnorePriceRise() {
        assertThat(ListingDetector.detect(updated(listed(1), withPrice(listed(1), 15_000L), 10))).isEmpty();
    }

    @Test
    void shouldIgnorePriceDropOfUnlistedItem() {
        assertThat(ListingDetector.detect(updated(row(1, "DRAFT"), withPrice(row(1, "DRAFT"), 9_000L), 10)))
                .isEmpty();
    }

    @Test
    void shouldIgnoreOtherEditOfListedItem() {
        assertThat(ListingDetector.detect(updated(listed(1), withTitle(listed(1), "New title"), 10))).isEmpty();
    }

    @Test
    void shouldIgnoreItemLeavingListedStatus() {
        assertThat(ListingDetector.detect(updated(listed(1), row(1, "SOLD"), 10))).isEmpty();
    }

    @Test
    void shouldIgnoreUpdateWithoutBeforeRow() {
        assertThat(ListingDetector.detect(updated(null, listed(1), 10))).isEmpty();
    }

    @Test
    void shouldIgnoreDelete() {
        ItemChange delete = new ItemChange(ChangeOp.DELETE, 1, listed(1), null, position(10), 0, 0);
        assertThat(ListingDetector.detect(delete)).isEmpty();
    }
}
