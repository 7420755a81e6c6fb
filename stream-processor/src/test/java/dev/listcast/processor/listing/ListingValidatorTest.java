package dev.listcast.processor.listing;

import static dev.listcast.processor.listing.ItemChanges.created;
import static dev.listcast.processor.listing.ItemChanges.listed;
import static dev.listcast.processor.listing.ItemChanges.position;
import static dev.listcast.processor.listing.ItemChanges.updated;
import static dev.listcast.processor.listing.ItemChanges.withCategory;
import static dev.listcast.processor.listing.ItemChanges.withCurrency;
import static dev.listcast.processor.listing.ItemChanges.withPrice;
import static dev.listcast.processor.listing.ItemChanges.withSeller;
import static dev.listcast.processor.listing.ItemChanges.withTitle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.EventId;
import dev.listcast.events.ItemRow;
import dev.listcast.events.ListingKind;
import dev.listcast.events.Taxonomy;
import org.junit.jupiter.api.Test;

class ListingValidatorTest {
    private final ListingValidator validator = new ListingValidator(Taxonomy.standard());

    @Test
    void shouldBuildDraftFromValidListing() {
        ListingDraft draft = draft(listed(42));
        assertThat(draft.eventId()).isEqualTo(EventId.of(42, position(10)));
        assertThat(draft.kind()).isEqualTo(ListingKind.LISTING);
        assertThat(draft.title()).isEqualTo("Air Jordan 1");
        assertThat(draft.category()).isEqualTo("sneakers");
        assertThat(draft.priceCents()).isEqualTo(12_000L);
        assertThat(draft.previousPriceCents()).isNull();
        assertThat(draft.currency()).isEqualTo("EUR");
        assertThat(draft.sellerId()).isEqualTo(7L);
        assertThat(draft.listedAt()).isEqualTo(ItemChanges.COMMITTED_AT);
        assertThat(draft.capturedAt()).isEqualTo(ItemChanges.CAPTURED_AT);
    }

    @Test
    void shouldCarryPreviousPriceOfPriceDrop() {
        Outcome<ListingDraft> outcome = validator.validate(
                updated(listed(42), withPrice(listed(42), 9_000L), 10), ListingKind.PRICE_DROP);
        ListingDraft draft = ((Outcome.Emit<ListingDraft>) outcome).value();
        assertThat(draft.priceCents()).isEqualTo(9_000L);
        assertThat(draft.previousPriceCents()).isEqualTo(12_000L);
    }

    @Test
    void shouldRouteUnknownCategoryToOther() {
        assertThat(draft(withCategory(listed(42), "spaceships")).category()).isEqualTo(Taxonomy.OTHER);
    }

    @Test
    void shouldRouteMissingCategoryToOther() {
        assertThat(draft(withCategory(listed(42), null)).category()).isEqualTo(Taxonomy.OTHER);
    }

    @Test
    void shouldNormaliseCategoryCase() {
        assertThat(draft(withCategory(listed(42), " Sneakers ")).category()).isEqualTo("sneakers");
    }

    @Test
    void shouldNormaliseTitle() {
        assertThat(draft(withTitle(listed(42), "  Air\u0000\n Jordan  ")).title()).isEqualTo("Air Jordan");
    }

    @Test
    void shouldTruncateLongTitle() {
        String title = draft(withTitle(listed(42), "x".repeat(5_000))).title();
        assertThat(title).hasSize(ListingValidator.MAX_TITLE).endsWith("\u2026");
    }

    @Test
    void shouldUpperCaseCurrency() {
        assertThat(draft(withCurrency(listed(42), "eur")).currency()).isEqualTo("EUR");
    }

    @Test
    void shouldRejectMissingTitle() {
        assertThat(reason(withTitle(listed(42), null))).isEqualTo("title is missing");
    }

    @Test
    void shouldRejectBlankTitle() {
        assertThat(reason(withTitle(listed(42), " \t\u0000\n "))).isEqualTo("title is missing");
    }

    @Test
    void shouldRejectMissingPrice() {
        assertThat(reason(withPrice(listed(42), null))).isEqualTo("price is missing");
    }

    @Test
    void shouldRejectNegativePrice() {
        assertThat(reason(withPrice(listed(42), -1L))).isEqualTo("price must be positive: -1");
    }

    @Test
    void shouldRejectZeroPrice() {
        assertThat(reason(withPrice(listed(42), 0L))).isEqualTo("price must be positive: 0");
    }

    @Test
    void shouldRejectCurrencyNotThreeLetters() {
        assertThat(reason(withCurrency(listed(42), "EURO"))).isEqualTo("currency is not 3 letters: 'EURO'");
    }

    @Test
    void shouldRejectMissingCurrency() {
        assertThat(reason(withCurrency(listed(42), null))).isEqualTo("currency is not 3 letters: null");
    }

    @Test
    void shouldRejectMissingSeller() {
        assertThat(reason(withSeller(listed(42), null))).isEqualTo("seller id is missing");
    }

    @Test
    void shouldRejectNonPositiveSeller() {
        assertThat(reason(withSeller(listed(42), 0L))).isEqualTo("seller id must be positive: 0");
    }

    private ListingDraft draft(ItemRow row) {
        Outcome<ListingDraft> outcome = validator.validate(created(row, 10), ListingKind.LISTING);
        assertThat(outcome).isInstanceOf(Outcome.Emit.class);
        return ((Outcome.Emit<ListingDraft>) outcome).value();
    }

    private String reason(ItemRow row) {
        Outcome<ListingDraft> outcome = validator.validate(created(row, 10), ListingKind.LISTING);
        assertThat(outcome).isInstanceOf(Outcome.Reject.class);
        return ((Outcome.Reject<ListingDraft>) outcome).reason();
    }
}
