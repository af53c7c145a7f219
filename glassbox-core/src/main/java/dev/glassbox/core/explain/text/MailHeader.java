package dev.glassbox.core.explain.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the header of an e-mail ends and its body begins. A text has a header when its first line holds a colon (a
 * header field such as {@code Subject: …}, or the mbox {@code From } line with its time of day); the header then runs
 * to the first empty line. Only line breaks and colons decide, so masking the words of a text never moves the
 * boundary.
 */
public final class MailHeader {
    private static final Pattern EMPTY_LINE = Pattern.compile("\\r?\\n\\r?\\n");

    private MailHeader() {
    }

    /**
     * The offset of the body's first character: 0 when the text has no header, the text's length when it is all
     * header.
     */
    public static int bodyStart(String text) {
        if (text.substring(0, firstLineEnd(text)).indexOf(':') < 0) {
            return 0;
        }
        Matcher m = EMPTY_LINE.matcher(text);
        return m.find() ? m.end() : text.length();
    }

    /**
     * The offset just past the first line (its line break included; the text's length when it has none): whether the
     * text has a header at all is decided by this line alone.
     */
    public static int firstLineEnd(String text) {
        int firstBreak = text.indexOf('\n');
        return firstBreak < 0 ? text.length() : firstBreak + 1;
    }
}
