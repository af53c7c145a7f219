package dev.glassbox.core.explain.text;

import java.util.List;

/**
 * How a text is rebuilt with some tokens masked: either the tokens are dropped and the text re-joined, or each is
 * replaced by a mask token (such as {@code [MASK]} or {@code <unk>}) in place.
 */
public final class TextMasking {
    private final String maskToken;

    private TextMasking(String maskToken) {
        this.maskToken = maskToken;
    }

    /**
     * Masked tokens are dropped: the text keeps its leading and trailing characters and, between two kept tokens, the
     * characters just before the later one ({@code "a fine, long film"} without {@code fine} is {@code "a, long film"}).
     */
    public static TextMasking drop() {
        return new TextMasking(null);
    }

    /** Masked tokens are replaced by {@code token}, and everything else stays in place. */
    public static TextMasking replaceWith(String token) {
        if (token == null) {
            throw new IllegalArgumentException("the mask token must not be null: use drop() to remove words");
        }
        return new TextMasking(token);
    }

    /** The text with the tokens where {@code kept} is false masked. */
    public String apply(String text, List<Token> tokens, boolean[] kept) {
        StringBuilder out = new StringBuilder(text.length());
        int previousEnd = 0;
        boolean anyKept = false;
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            String gap = text.substring(previousEnd, token.start());
            previousEnd = token.end();
            if (maskToken != null) {
                out.append(gap).append(kept[t] ? token.text() : maskToken);
            } else if (kept[t]) {
                out.append(anyKept || t == 0 ? gap : "").append(token.text());
                anyKept = true;
            } else if (t == 0) {
                out.append(gap);
            }
        }
        return out.append(text, previousEnd, text.length()).toString();
    }

    @Override
    public String toString() {
        return maskToken == null ? "drop" : "replace(" + maskToken + ")";
    }
}
