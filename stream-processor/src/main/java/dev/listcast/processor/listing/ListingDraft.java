package dev.listcast.processor.listing;

import dev.listcast.events.ListingKind;
import java.util.Objects;

/**
 * A detected, validated and normalised listing that still lacks its seller's name and rating: what the rules
 * decide from the item change alone, before the runner looks the seller up.
 *
 * @param previousPriceCents the price before a drop, null for listings
 * @param listedAt the change's commit time, epoch millis
 * @param capturedAt when cdc-ingest read the change, epoch millis
 */
public record ListingDraft(
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
        long listedAt,
        long capturedAt) {

    public ListingDraft {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(category, "category == null");
        Objects.requireNonNull(currency, "currency == null");
    }
}
