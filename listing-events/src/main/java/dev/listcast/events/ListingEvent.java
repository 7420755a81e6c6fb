package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;
import static dev.listcast.events.Checks.checkNotNull;

/**
 * What buyers are told: a new (or re-) listing, or a price drop, enriched with the seller. Keyed by item id on
 * {@code listings.<category>}.
 *
 * @param eventId deterministic id, see {@link EventId}
 * @param previousPriceCents the price before a drop, null for listings
 * @param sellerName null while the seller is not known yet: a listing is never held back for enrichment
 * @param listedAt the commit time in epoch millis
 * @param capturedAt when cdc-ingest read the change
 * @param processedAt when the stream processor emitted this event
 * @param traceparent W3C trace context of the listing's trace
 */
public record ListingEvent(
        String eventId,
        ListingKind kind,
        long itemId,
        String title,
        String description,
        String category,
        long priceCents,
        Long previousPriceCents,
        String currency,
        String condition,
        String imageUrl,
        long sellerId,
        String sellerName,
        Double sellerRating,
        long listedAt,
        long capturedAt,
        long processedAt,
        String traceparent) {

    public ListingEvent {
        checkNotNull(eventId, "eventId == null");
        checkNotNull(kind, "kind == null");
        checkNotNull(title, "title == null");
        checkNotNull(category, "category == null");
        checkNotNull(currency, "currency == null");
        checkArgument(itemId > 0, "item id must be positive: %s", itemId);
        checkArgument(priceCents > 0, "price must be positive: %s", priceCents);
        checkArgument(kind == ListingKind.PRICE_DROP ? previousPriceCents != null && previousPriceCents > priceCents
                        : previousPriceCents == null,
                "%s with previous price %s and price %s", kind.wireName(), previousPriceCents, priceCents);
    }

    /** This event as a stage passes it on in its own trace context. */
    public ListingEvent withTraceparent(String next) {
        return new ListingEvent(eventId, kind, itemId, title, description, category, priceCents, previousPriceCents,
                currency, condition, imageUrl, sellerId, sellerName, sellerRating, listedAt, capturedAt, processedAt,
                next);
    }
}
