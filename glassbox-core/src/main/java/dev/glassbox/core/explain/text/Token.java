package dev.glassbox.core.explain.text;

/**
 * One token of a text with its character offsets, so that attributions can be drawn over the original text.
 *
 * @param text the token as it appears
 * @param start the offset of its first character
 * @param end the offset just past its last character
 */
public record Token(String text, int start, int end) {
    public Token {
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("token '" + text + "' cannot span characters " + start + " to " + end);
        }
    }
}
