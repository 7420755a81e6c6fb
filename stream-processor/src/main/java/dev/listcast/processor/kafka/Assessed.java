package dev.listcast.processor.kafka;

import dev.listcast.processor.listing.ListingDraft;
import dev.listcast.processor.listing.Outcome;

/** An item change record's original bytes (kept for the dead-letter topic) and what the listing rules decided. */
record Assessed(byte[] original, Outcome<ListingDraft> outcome) {

    boolean isRejected() {
        return outcome instanceof Outcome.Reject;
    }

    boolean isIgnored() {
        return outcome instanceof Outcome.Ignore;
    }

    ListingDraft draft() {
        return ((Outcome.Emit<ListingDraft>) outcome).value();
    }

    String reason() {
        return ((Outcome.Reject<ListingDraft>) outcome).reason();
    }
}
