package dev.glassbox.core.explain.text;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Turns a text into the fixed-length row of token ids a network reads, keeping each token's character offsets: the text
 * is split by the settings' tokenizer, the tokens the model reads (all, or those of the e-mail body) are normalised
 * (lowercased unless they are special tokens), looked up in the {@link Vocabulary}, and the row is cut or padded to
 * {@link Settings#maxTokens()}.
 */
public final class TextEncoder {
    private final Settings settings;
    private final Tokenizer tokenizer;
    private final Vocabulary vocabulary;
    private final Pattern tokenPattern;

    /** An encoder with the given settings and vocabulary. */
    public TextEncoder(Settings settings, Vocabulary vocabulary) {
        this.settings = settings;
        this.tokenizer = settings.tokenizer();
        this.vocabulary = vocabulary;
        this.tokenPattern = Pattern.compile(settings.tokenPattern(), Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** Which part of a text the model reads. */
    public enum Part {
        /** Every token. */
        WHOLE,
        /** The tokens after the e-mail header ({@link MailHeader#bodyStart(String)}). */
        BODY
    }

    /**
     * How texts are read, as saved with a model.
     *
     * @param tokenPattern the regular expression whose matches are the tokens
     * @param lowercase whether words are lowercased before lookup
     * @param part which part of a text is read
     * @param maxTokens the length of the id row: later tokens are not read, shorter texts are padded
     */
    public record Settings(String tokenPattern, boolean lowercase, Part part, int maxTokens) {
        /** Words (runs of letters, digits and underscores), with the special tokens kept whole. */
        public static final String WORDS = "\\[PAD\\]|\\[UNK\\]|\\w+";

        public Settings {
            if (tokenPattern == null || part == null || maxTokens < 1) {
                throw new InvalidInputException("text settings need a token pattern, a part and a positive length, got "
                        + tokenPattern + ", " + part + ", " + maxTokens);
            }
        }

        /** Lowercased words of {@code part}, at most {@code maxTokens} of them. */
        public static Settings words(Part part, int maxTokens) {
            return new Settings(WORDS, true, part, maxTokens);
        }

        /** The tokenizer of {@link #tokenPattern()}. */
        public Tokenizer tokenizer() {
            return Tokenizer.matching(tokenPattern);
        }

        /** The normalised words the model reads of {@code text} (for building a vocabulary). */
        public List<String> words(String text) {
            List<Token> tokens = tokenizer().tokenize(text);
            List<String> out = new ArrayList<>();
            for (int t : readTokens(text, tokens)) {
                out.add(normalise(tokens.get(t).text()));
            }
            return out;
        }

        /** The indices of the tokens the model reads, in order: those of {@link #part()}, at most {@link #maxTokens()}. */
        int[] readTokens(String text, List<Token> tokens) {
            int from = part == Part.BODY ? MailHeader.bodyStart(text) : 0;
            return IntStream.range(0, tokens.size()).filter(t -> tokens.get(t).start() >= from)
                    .limit(maxTokens).toArray();
        }

        String normalise(String token) {
            return lowercase && !Vocabulary.isSpecial(token) ? token.toLowerCase(Locale.ROOT) : token;
        }
    }

    /**
     * A text as the model reads it.
     *
     * @param tokens every token of the text, with offsets
     * @param ids the id row, {@link Settings#maxTokens()} long, padded with {@link Vocabulary#PAD_ID}
     * @param positions for each token, its index in {@code ids}, or −1 when the model does not read it
     */
    public record Encoding(List<Token> tokens, Ids ids, int[] positions) {
        /** The ids as the floats a network takes. */
        public float[] row() {
            int[] values = ids.values();
            float[] out = new float[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i];
            }
            return out;
        }
    }

    /** A row of token ids, compared by value (so it can key the texts a model reads alike). */
    public record Ids(int[] values) {
        /** The ids as the floats a network takes. */
        public float[] row() {
            float[] out = new float[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ids o && Arrays.equals(values, o.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** The vocabulary. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The tokenizer, which explanations must share with the model so that their features are its tokens. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * The id row of {@code text}, as {@link #encode} gives it, reading the text only as far as the last token the row
     * holds: its cost does not grow with the text beyond that (but for a {@link Part#BODY} text without a body).
     */
    public Ids ids(String text) {
        int[] ids = new int[settings.maxTokens()];
        Arrays.fill(ids, Vocabulary.PAD_ID);
        int next = 0;
        int from = settings.part() == Part.BODY ? MailHeader.bodyStart(text) : 0;
        Matcher m = tokenPattern.matcher(text);
        while (next < ids.length && m.find()) {
            if (m.end() > m.start() && m.start() >= from) {
                ids[next++] = vocabulary.id(settings.normalise(m.group()));
            }
        }
        return new Ids(ids);
    }

    /**
     * An offset in {@code text} after which nothing the model reads lies: a text that keeps the first {@code readEnd}
     * characters of {@code text} and differs only after them has the same {@link #ids}. It is the start of the second
     * token after the last one the row holds (the first one after it is kept as well, so that the tokens before it
     * split as they did), or the text's length when every token is read or none is. For a {@link Part#BODY} text it
     * is at least the end of the first line, whose colon (or its absence) decides where the body starts.
     */
    public int readEnd(String text) {
        int tokens = tokensReadEnd(text);
        if (settings.part() != Part.BODY) {
            return tokens;
        }
        return Math.max(tokens, MailHeader.firstLineEnd(text));
    }

    private int tokensReadEnd(String text) {
        int from = settings.part() == Part.BODY ? MailHeader.bodyStart(text) : 0;
        Matcher m = tokenPattern.matcher(text);
        int read = 0;
        int after = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            if (read < settings.maxTokens()) {
                read += m.start() >= from ? 1 : 0;
            } else if (++after == 2) {
                return m.start();
            }
        }
        return text.length();
    }

    /** The text's tokens, the id row and where each token landed in it. */
    public Encoding encode(String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        int[] ids = new int[settings.maxTokens()];
        Arrays.fill(ids, Vocabulary.PAD_ID);
        int[] positions = new int[tokens.size()];
        Arrays.fill(positions, -1);
        int next = 0;
        for (int t : settings.readTokens(text, tokens)) {
            positions[t] = next;
            ids[next++] = vocabulary.id(settings.normalise(tokens.get(t).text()));
        }
        return new Encoding(tokens, new Ids(ids), positions);
    }
}
