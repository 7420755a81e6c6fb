package dev.listcast.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import org.junit.jupiter.api.Test;

class FanoutEventsTest {
    private static final long ITEM = FanoutEvents.itemId(1_764_780_000_000L, 3);

    @Test
    void shouldPadTheEventToExactlyTheRequestedSize() {
        assertThat(FanoutEvents.body(ITEM, 1_764_780_000_000L, 230)).hasSize(230);
    }

    @Test
    void shouldStayADecodableListingEventOfTheCatchAllCategory() {
        ListingEvent event = ListingJson.listingEvent(FanoutEvents.body(ITEM, 1_764_780_000_000L, 400));

        assertThat(event.itemId()).isEqualTo(ITEM);
        assertThat(event.category()).isEqualTo("other");
    }

    @Test
    void shouldKeepTheBareEventWhenTheTargetIsTooSmall() {
        assertThat(ListingJson.listingEvent(FanoutEvents.body(ITEM, 1_764_780_000_000L, 10)).title()).isEqualTo("b");
    }
}
