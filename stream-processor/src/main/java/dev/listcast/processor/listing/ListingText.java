package dev.listcast.processor.listing;

import java.text.BreakIterator;
import java.text.Normalizer;

/**
 * Normalises free text typed by sellers before buyers see it in a one-line toast: composed to NFC (so "é" typed
 * two ways compares equal and counts as one character), control characters and unpaired surrogates removed
 * (they cannot be rendered and unpaired surrogates cannot even be encoded as UTF-8), every run of whitespace,
 * line breaks included, collapsed to one space, and the ends trimmed.
 *
 * <p>Lengths are counted in code points, as MariaDB counts {@code VARCHAR} characters, so a limit here means the
 * same thing as the column width. Text over a limit is cut with an ellipsis at a grapheme boundary: never inside
 * a surrogate pair, and not between a letter and its accent or inside an emoji sequence either.
 */
public final class ListingText {
    static final String ELLIPSIS = "\u2026";

    private ListingText() {
    }

    /** NFC, no control characters or unpaired surrogates, whitespace collapsed, trimmed; null stays null. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
            } else if (!isUnprintable(cp)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * Returns {@code text} when it has at most {@code maxCodePoints} code points, otherwise its longest prefix
     * ending on a grapheme boundary that leaves room for the ellipsis, followed by the ellipsis.
     */
    public static String truncate(String text, int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("max length must be positive: " + maxCodePoints);
        }
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        int room = text.offsetByCodePoints(0, maxCodePoints - 1);
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(text);
        int cut = graphemes.preceding(room + 1);
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static boolean isUnprintable(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.SURROGATE;
    }
}
