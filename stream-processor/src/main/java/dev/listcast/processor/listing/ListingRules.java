package dev.listcast.processor.listing;

import dev.listcast.events.ItemChange;
import dev.listcast.events.ListingCodecException;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.SellerRow;
import dev.listcast.events.Taxonomy;
import java.time.Clock;
import java.util.function.LongFunction;

/**
 * The listing rules end to end, for any runner: bytes from the bus to a decision. A runner that keeps sellers
 * in a table it can join (Kafka Streams) calls {@link #assess} and {@link #enrich} on either side of its join;
 * one that can look sellers up directly calls {@link #process}.
 *
 * <pre>{@code
 * ListingRules rules = new ListingRules(Taxonomy.standard(), Clock.systemUTC());
 * Outcome<ListingEvent> outcome = rules.process(bytes, sellers::get, TraceParent.childOf(header).toString());
 * }</pre>
 */
public final class ListingRules {
    private final ListingValidator validator;
    private final ListingEnricher enricher;

    public ListingRules(Taxonomy taxonomy, Clock clock) {
        this.validator = new ListingValidator(taxonomy);
        this.enricher = new ListingEnricher(clock);
    }

    /** Parses, detects and validates; unparseable bytes are rejected with the codec's reason. */
    public Outcome<ListingDraft> assess(byte[] itemChange) {
        ItemChange change;
        try {
            change = ListingJson.itemChange(itemChange);
        } catch (ListingCodecException e) {
            return Outcome.reject(e.getMessage());
        }
        return assess(change);
    }

    /** Detects and validates. */
    public Outcome<ListingDraft> assess(ItemChange change) {
        return ListingDetector.detect(change)
                .map(kind -> validator.validate(change, kind))
                .orElseGet(Outcome::ignore);
    }

    /** See {@link ListingEnricher#enrich}. */
    public ListingEvent enrich(ListingDraft draft, SellerRow seller, String traceparent) {
        return enricher.enrich(draft, seller, traceparent);
    }

    /** Assesses, then enriches with the seller {@code sellers} returns for the draft's seller id (or null). */
    public Outcome<ListingEvent> process(byte[] itemChange, LongFunction<SellerRow> sellers, String traceparent) {
        return assess(itemChange).map(draft -> enrich(draft, sellers.apply(draft.sellerId()), traceparent));
    }
}
