package dev.glassbox.core.explain.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into tokens with their character offsets. */
@FunctionalInterface
public interface Tokenizer {

    /** Words: maximal runs of Unicode letters, digits and underscores (the {@code lime} package's default split). */
    Tokenizer WORDS = matching("\\w+");

    /** The tokens of {@code text}, in order, not overlapping. */
    List<Token> tokenize(String text);

    /** Tokens are the matches of a regular expression. */
    static Tokenizer matching(String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
        return text -> {
            List<Token> tokens = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    tokens.add(new Token(m.group(), m.start(), m.end()));
                }
            }
            return tokens;
        };
    }
}
