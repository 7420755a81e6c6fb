package dev.listcast.processor.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListingTextTest {

    @Test
    void shouldCollapseWhitespaceAndTrim() {
        assertThat(ListingText.normalise("  Air \t Jordan\n\r 1\u00a0 ")).isEqualTo("Air Jordan 1");
    }

    @Test
    void shouldStripControlCharacters() {
        assertThat(ListingText.normalise("Air\u0000 Jor\u0007dan\u009f")).isEqualTo("Air Jordan");
    }

    @Test
    void shouldStripUnpairedSurrogates() {
        assertThat(ListingText.normalise("a\ud800b\udc00c")).isEqualTo("abc");
    }

    @Test
    void shouldComposeToNfc() {
        assertThat(ListingText.normalise("Cafe\u0301")).isEqualTo("Caf\u00e9");
    }

    @Test
    void shouldKeepEmojiSequences() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(ListingText.normalise("toy " + family)).isEqualTo("toy " + family);
    }

    @Test
    void shouldKeepTextWithinLimit() {
        String text = "x".repeat(200);
        assertThat(ListingText.truncate(text, 200)).isSameAs(text);
    }

    @Test
    void shouldTruncateWithEllipsisToLimit() {
        String truncated = ListingText.truncate("x".repeat(250), 200);
        assertThat(truncated).isEqualTo("x".repeat(199) + "\u2026");
    }

    @Test
    void shouldCountCodePointsNotChars() {
        String emoji = "\uD83D\uDE00".repeat(200);
        assertThat(ListingText.truncate(emoji, 200)).isSameAs(emoji);
    }

    @Test
    void shouldNotSplitSurrogatePair() {
        String truncated = ListingText.truncate("x" + "\uD83D\uDE00".repeat(250), 200);
        assertThat(truncated).isEqualTo("x" + "\uD83D\uDE00".repeat(198) + "\u2026");
        assertThat(ListingText.length(truncated)).isEqualTo(200);
    }

    @Test
    void shouldNotSplitLetterFromItsAccent() {
        String text = "x".repeat(198) + "e\u0301" + "y".repeat(10);
        assertThat(ListingText.truncate(text, 200)).isEqualTo("x".repeat(198) + "\u2026");
    }

    @Test
    void shouldNotEndWithSpaceBeforeEllipsis() {
        String text = "x".repeat(198) + " " + "y".repeat(10);
        assertThat(ListingText.truncate(text, 200)).isEqualTo("x".repeat(198) + "\u2026");
    }
}
