package dev.listcast.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldNameListingTopicsByCategory() {
        assertThat(Topics.listings("sneakers")).isEqualTo("listings.sneakers");
        assertThat(Topics.category("listings.sneakers")).isEqualTo("sneakers");
    }

    @Test
    void shouldKeepTheDeadLetterTopicOutOfTheListingPattern() {
        assertThat(Topics.LISTINGS.matcher(Topics.DEAD_LETTERS).matches()).isFalse();
        assertThatThrownBy(() -> Topics.listings("dlq")).hasMessage("not a listing category: 'dlq'");
    }
}
