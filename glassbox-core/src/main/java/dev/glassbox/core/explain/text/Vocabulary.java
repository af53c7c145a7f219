package dev.glassbox.core.explain.text;

import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words a text network knows, each with an id: {@value #PAD} (id 0) fills sequences up to their length and masks
 * words, {@value #UNKNOWN} (id 1) stands for every word not in the list. Saved as a UTF-8 text file, one word per
 * line, line {@code i} holding the word of id {@code i}.
 */
public final class Vocabulary {
    /** The padding token. */
    public static final String PAD = "[PAD]";
    /** The unknown-word token. */
    public static final String UNKNOWN = "[UNK]";
    /** The padding token's id. */
    public static final int PAD_ID = 0;
    /** The unknown-word token's id. */
    public static final int UNKNOWN_ID = 1;

    private final List<String> words;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        this.ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.isEmpty() || w.indexOf('\n') >= 0 || w.indexOf('\r') >= 0) {
                throw new InvalidInputException("vocabulary entry " + i + " is empty or spans lines: '" + w + "'");
            }
            if (ids.put(w, i) != null) {
                throw new InvalidInputException("the word '" + w + "' appears twice in the vocabulary");
            }
        }
        if (words.size() < 2 || !words.get(PAD_ID).equals(PAD) || !words.get(UNKNOWN_ID).equals(UNKNOWN)) {
            throw new InvalidInputException("a vocabulary starts with " + PAD + " and " + UNKNOWN);
        }
    }

    /** The padding and unknown tokens followed by {@code known}, in that order. */
    public static Vocabulary of(List<String> known) {
        List<String> all = new ArrayList<>(known.size() + 2);
        all.add(PAD);
        all.add(UNKNOWN);
        all.addAll(known);
        return new Vocabulary(all);
    }

    /**
     * The words seen at least {@code minCount} times, most frequent first (ties in alphabetical order), at most {@code
     * maxWords} of them besides the two special tokens.
     */
    public static Vocabulary build(Stream<String> words, int minCount, int maxWords) {
        Map<String, Long> counts = words.filter(w -> !isSpecial(w))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> kept = counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxWords).map(Map.Entry::getKey).toList();
        return of(kept);
    }

    /** Whether {@code word} is {@value #PAD} or {@value #UNKNOWN}. */
    public static boolean isSpecial(String word) {
        return PAD.equals(word) || UNKNOWN.equals(word);
    }

    /** Reads a vocabulary file written by {@link #write(Path)}. */
    public static Vocabulary read(Path file) {
        try {
            return new Vocabulary(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vocabulary " + file, e);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + " is not a vocabulary: " + e.getMessage());
        }
    }

    /** Writes one word per line. */
    public void write(Path file) throws IOException {
        Files.write(file, words, StandardCharsets.UTF_8);
    }

    /** The id of {@code word}, or {@link #UNKNOWN_ID} when it is not known. */
    public int id(String word) {
        return ids.getOrDefault(word, UNKNOWN_ID);
    }

    /** The word of an id. */
    public String word(int id) {
        return words.get(id);
    }

    /** The number of ids, the special tokens included. */
    public int size() {
        return words.size();
    }

    @Override
    public String toString() {
        return "vocabulary of " + words.size() + " tokens";
    }
}
