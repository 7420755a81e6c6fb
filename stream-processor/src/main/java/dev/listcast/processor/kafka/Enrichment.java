package dev.listcast.processor.kafka;

import dev.listcast.events.SellerChange;
import dev.listcast.events.SellerRow;
import dev.listcast.processor.listing.ListingDraft;

/** A listing draft joined with its seller's latest change (null when the seller is not known yet). */
record Enrichment(ListingDraft draft, SellerChange seller) {

    SellerRow sellerRow() {
        return seller == null ? null : seller.after();
    }
}
