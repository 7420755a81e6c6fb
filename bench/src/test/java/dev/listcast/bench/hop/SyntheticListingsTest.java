package dev.listcast.bench.hop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.events.BinlogPosition;
import dev.listcast.events.ChangeOp;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ListingJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyntheticListingsTest {
    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void shouldSendListedInsertsOfTheCategory() {
        ItemChange change = SyntheticListings.forRun(START, "bikes").change(3, 1_000L);

        assertThat(change.op()).isEqualTo(ChangeOp.CREATE);
        assertThat(change.after().isListed()).isTrue();
        assertThat(change.after().category()).isEqualTo("bikes");
        assertThat(change.after().sellerId()).isBetween(1L, 5L);
    }

    @Test
    void shouldGiveEachRecordItsOwnIdAndBinlogPosition() {
        SyntheticListings listings = SyntheticListings.forRun(START, "bikes");

        ItemChange first = listings.change(1, 0);
        ItemChange second = listings.change(2, 0);

        assertThat(second.itemId()).isEqualTo(first.itemId() + 1);
        assertThat(second.position()).isNotEqualTo(first.position());
        assertThat(first.position()).isEqualTo(new BinlogPosition(SyntheticListings.BINLOG_FILE,
                first.itemId() - SyntheticListings.ITEM_ID_FLOOR, 0));
    }

    @Test
    void shouldNotShareIdsWithARunStartedASecondLater() {
        SyntheticListings earlier = SyntheticListings.forRun(START, "bikes");
        SyntheticListings later = SyntheticListings.forRun(START.plusSeconds(1), "bikes");

        assertThat(later.itemId(0)).isGreaterThan(earlier.itemId(SyntheticListings.MAX_RECORDS - 1));
    }

    @Test
    void shouldKeepIdsExactInJavaScript() {
        SyntheticListings last = new SyntheticListings(SyntheticListings.ITEM_ID_FLOOR
                + 99_999_999L * SyntheticListings.MAX_RECORDS, "bikes");

        assertThat(last.itemId(SyntheticListings.MAX_RECORDS - 1)).isLessThan(1L << 53);
    }

    @Test
    void shouldRefuseAnIndexOutsideTheRunsBlock() {
        assertThatThrownBy(() -> SyntheticListings.forRun(START, "bikes").itemId(SyntheticListings.MAX_RECORDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record index out of [0, 100000): 100000");
    }

    @Test
    void shouldEncodeAsTheContractDecodes() {
        ItemChange change = SyntheticListings.forRun(START, "bikes").change(1, 5L);

        assertThat(ListingJson.itemChange(ListingJson.encode(change))).isEqualTo(change);
    }
}
