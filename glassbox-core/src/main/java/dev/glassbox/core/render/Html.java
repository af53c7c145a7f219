package dev.glassbox.core.render;

/** HTML escaping: every piece of user or model text passes through here before it reaches a page. */
public final class Html {
    private Html() {
    }

    /** Escapes {@code & < > " '} so that text is shown as written, in element content and in attribute values. */
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
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
