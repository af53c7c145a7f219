package dev.glassbox.core.render;

/** HTML escaping: every piece of user or model text passes through here before it reaches a page. */
public final class Html {
    private Html() {
    }

    /**
     * Escapes {@code & < > " '} so that text is shown as written, in element content and in attribute values. The
     * characters that change the direction of the text around them (the embeddings and overrides U+202A–U+202E, the
     * isolates U+2066–U+2069 and the marks U+200E, U+200F) are shown as a visible escape such as {@code ⟨U+202E⟩}
     * instead: passed through, they would let a text make its words appear in an order other than the one the model
     * read.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (isDirectionControl(c)) {
                        out.append(String.format("\u27e8U+%04X\u27e9", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether {@code c} is a bidirectional embedding, override, isolate or mark. */
    static boolean isDirectionControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f';
    }
}
