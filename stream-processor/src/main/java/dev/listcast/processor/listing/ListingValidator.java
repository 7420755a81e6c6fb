package dev.listcast.processor.listing;

import dev.listcast.events.EventId;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ItemRow;
import dev.listcast.events.ListingKind;
import dev.listcast.events.Taxonomy;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns a detected listing into a {@link ListingDraft}, or rejects it with a reason naming the bad value. Text is
 * normalised first (see {@link ListingText}) and checked after, so a title of only spaces and control characters
 * is missing, and a title over {@value #MAX_TITLE} characters is cut with an ellipsis rather than rejected: the
 * seller already published it, and a shortened toast serves buyers better than none. Descriptions are cut at
 * {@value #MAX_DESCRIPTION} for the same reason (events stay small; the item page has the full text).
 *
 * <p>Unknown categories are not an error: they route to {@value Taxonomy#OTHER}.
 */
public final class ListingValidator {
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 1000;
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private final Taxonomy taxonomy;

    public ListingValidator(Taxonomy taxonomy) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy == null");
    }

    public Outcome<ListingDraft> validate(ItemChange change, ListingKind kind) {
        ItemRow row = change.after();
        String title = ListingText.normalise(row.title());
        if (title == null || title.isEmpty()) {
            return Outcome.reject("title is missing");
        }
        if (row.priceCents() == null) {
            return Outcome.reject("price is missing");
        }
        if (row.priceCents() <= 0) {
            return Outcome.reject("price must be positive: " + row.priceCents());
        }
        String currency = row.currency() == null ? null : row.currency().strip();
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            return Outcome.reject("currency is not 3 letters: " + quote(row.currency()));
        }
        if (row.sellerId() == null) {
            return Outcome.reject("seller id is missing");
        }
        if (row.sellerId() <= 0) {
            return Outcome.reject("seller id must be positive: " + row.sellerId());
        }
        String description = ListingText.normalise(row.description());
        return Outcome.emit(new ListingDraft(
                EventId.of(change.itemId(), change.position()),
                kind,
                change.itemId(),
                ListingText.truncate(title, MAX_TITLE),
                description == null || description.isEmpty() ? null : ListingText.truncate(description, MAX_DESCRIPTION),
                taxonomy.route(row.category()),
                row.priceCents(),
                kind == ListingKind.PRICE_DROP ? change.before().priceCents() : null,
                currency.toUpperCase(Locale.ROOT),
                blankToNull(row.itemCondition()),
                blankToNull(row.imageUrl()),
                row.sellerId(),
                change.committedAt(),
                change.capturedAt()));
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
