package dev.listcast.processor.redis;

import dev.listcast.events.DeadLetter;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.SellerRow;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import dev.listcast.processor.listing.ListingRules;
import dev.listcast.processor.listing.Outcome;
import java.time.Clock;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides what one {@code market.items.changes} entry becomes, with the shared {@link ListingRules}: a listing on
 * {@code listings.<category>} marked by its event id, a {@link DeadLetter} on {@code listings.dlq} marked by the
 * input entry id, or nothing. Every output carries a child of the entry's {@code traceparent}. No Redis here.
 */
final class EntryRouter {
    /** Prefix of the markers of outputs already written; an event id always starts with the item id's digits. */
    static final String SEEN_PREFIX = "listcast:seen:";
    private static final Logger LOG = Logger.getLogger(EntryRouter.class.getName());
    private static final Route ACKNOWLEDGE = new Route.Acknowledge();

    private final ListingRules rules;
    private final LongFunction<SellerRow> sellers;
    private final Clock clock;

    EntryRouter(ListingRules rules, LongFunction<SellerRow> sellers, Clock clock) {
        this.rules = rules;
        this.sellers = sellers;
        this.clock = clock;
    }

    Route route(StreamEntry entry) {
        String traceparent = TraceParent.childOf(entry.traceparent()).toString();
        if (entry.value() == null) {
            return deadLetter(entry, "entry has no value field", traceparent);
        }
        Outcome<ListingEvent> outcome;
        try {
            outcome = rules.process(entry.value(), sellers, traceparent);
        } catch (RuntimeException e) {
            // A bug the rules did not turn into a reject: left pending, the entry would be claimed and fail again
            // forever. Dead-lettered, it stops nothing (what the Kafka runner's processing handler does by skipping).
            LOG.log(Level.WARNING, e, () -> "listing rules failed on entry " + entry.id());
            outcome = Outcome.reject("processing failed: " + e);
        }
        return switch (outcome) {
            case Outcome.Emit<ListingEvent> emit -> new Route.Write(SEEN_PREFIX + emit.value().eventId(),
                    Topics.listings(emit.value().category()), Long.toString(emit.value().itemId()),
                    ListingJson.encode(emit.value()), traceparent);
            case Outcome.Ignore<ListingEvent> ignore -> ACKNOWLEDGE;
            case Outcome.Reject<ListingEvent> reject -> deadLetter(entry, reject.reason(), traceparent);
        };
    }

    /** Marked by the input entry: junk has no event id, and only a re-delivery of this entry may repeat it. */
    private Route deadLetter(StreamEntry entry, String reason, String traceparent) {
        DeadLetter letter = new DeadLetter(reason, Topics.ITEM_CHANGES, entry.key(), entry.value(), clock.millis());
        return new Route.Write(SEEN_PREFIX + "dlq:" + Topics.ITEM_CHANGES + "@" + entry.id(), Topics.DEAD_LETTERS,
                entry.key(), ListingJson.encode(letter), traceparent);
    }
}
