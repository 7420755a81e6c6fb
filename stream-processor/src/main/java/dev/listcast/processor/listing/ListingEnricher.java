package dev.listcast.processor.listing;

import dev.listcast.events.ListingEvent;
import dev.listcast.events.SellerRow;
import java.time.Clock;
import java.util.Objects;

/**
 * Completes a {@link ListingDraft} into the {@link ListingEvent} buyers receive: the seller's name and rating
 * when the seller is known, null otherwise. A listing is never held back waiting for its seller: the seller row
 * usually arrives first, and when it does not, a toast without a name now beats a complete one later.
 */
public final class ListingEnricher {
    private final Clock clock;

    public ListingEnricher(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * @param seller the seller row, null when unknown
     * @param traceparent the trace context of the emitted event (the runner's child span)
     */
    public ListingEvent enrich(ListingDraft draft, SellerRow seller, String traceparent) {
        boolean known = seller != null && seller.id() == draft.sellerId();
        return new ListingEvent(
                draft.eventId(),
                draft.kind(),
                draft.itemId(),
                draft.title(),
                draft.description(),
                draft.category(),
                draft.priceCents(),
                draft.previousPriceCents(),
                draft.currency(),
                draft.condition(),
                draft.imageUrl(),
                draft.sellerId(),
                known ? ListingText.normalise(seller.displayName()) : null,
                known ? seller.rating() : null,
                draft.listedAt(),
                draft.capturedAt(),
                clock.millis(),
                traceparent);
    }
}
