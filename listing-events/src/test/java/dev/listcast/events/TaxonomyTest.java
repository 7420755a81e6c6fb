package dev.listcast.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaxonomyTest {
    private final Taxonomy taxonomy = Taxonomy.standard();

    @Test
    void shouldShipTheStandardCategoriesWithOther() {
        assertThat(taxonomy.categories()).contains("sneakers", "consoles", Taxonomy.OTHER);
    }

    @Test
    void shouldRouteKnownCategoriesNormalised() {
        assertThat(taxonomy.route("  Sneakers ")).isEqualTo("sneakers");
    }

    @Test
    void shouldRouteUnknownCategoryToOther() {
        assertThat(taxonomy.route("spaceships")).isEqualTo(Taxonomy.OTHER);
        assertThat(taxonomy.route(null)).isEqualTo(Taxonomy.OTHER);
    }

    @Test
    void shouldRefuseATaxonomyWithoutOther() {
        assertThatThrownBy(() -> Taxonomy.parse("# comment\nbikes\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("taxonomy lacks 'other': [bikes]");
    }

    @Test
    void shouldRefuseACategoryThatCannotBeATopic() {
        assertThatThrownBy(() -> Taxonomy.of(java.util.List.of("other", "Bad Name")))
                .hasMessage("not a listing category: 'Bad Name'");
    }
}
