package dev.listcast.edge.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.edge.ApiException;
import dev.listcast.events.Taxonomy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListingFilterTest {
    private static final Taxonomy TAXONOMY = Taxonomy.of(java.util.List.of("sneakers", "books", "other"));

    private static ListingFilter parse(Map<String, String> params, Set<String> allowed) {
        return ListingFilter.parse(name -> Optional.ofNullable(params.get(name)), TAXONOMY, allowed);
    }

    private static EdgeEvent shoe(String title, String description, long price) {
        return TestEvents.event("listings.sneakers-0", 1, 1_000, "sneakers", title, description, price);
    }

    @Test
    void shouldMatchKeywordInTitleOrDescriptionIgnoringCase() {
        ListingFilter filter = parse(Map.of("q", "JORDAN"), null);

        assertThat(filter.matches(shoe("Air Jordan 1", null, 100))).isTrue();
        assertThat(filter.matches(shoe("Sneaker", "a jordan retro", 100))).isTrue();
        assertThat(filter.matches(shoe("Samba", "adidas", 100))).isFalse();
    }

    @Test
    void shouldMatchPriceRangeInclusive() {
        ListingFilter filter = parse(Map.of("minPrice", "100", "maxPrice", "200"), null);

        assertThat(filter.matches(shoe("a", null, 100))).isTrue();
        assertThat(filter.matches(shoe("a", null, 200))).isTrue();
        assertThat(filter.matches(shoe("a", null, 99))).isFalse();
        assertThat(filter.matches(shoe("a", null, 201))).isFalse();
    }

    @Test
    void shouldMatchOnlyRequestedCategories() {
        assertThat(parse(Map.of("categories", "books"), null).matches(shoe("a", null, 1))).isFalse();
        assertThat(parse(Map.of("categories", " Books , sneakers"), null).matches(shoe("a", null, 1))).isTrue();
    }

    @Test
    void shouldRefuseUnknownCategoryNegativePriceAndInvertedRange() {
        assertThatThrownBy(() -> parse(Map.of("categories", "boats"), null)).hasMessage("unknown category: boats");
        assertThatThrownBy(() -> parse(Map.of("maxPrice", "-1"), null)).hasMessage("maxPrice must not be negative: -1");
        assertThatThrownBy(() -> parse(Map.of("minPrice", "3", "maxPrice", "2"), null))
                .hasMessage("minPrice 3 is above maxPrice 2");
    }

    @Test
    void shouldForbidCategoriesOutsideTheAllowedOnes() {
        assertThatThrownBy(() -> parse(Map.of("categories", "books"), Set.of("sneakers")))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status().code()).isEqualTo(403);
    }

    @Test
    void shouldGiveARestrictedUserTheAllowedCategoriesByDefault() {
        assertThat(parse(Map.of(), Set.of("books")).categories()).containsExactly("books");
    }
}
