package dev.glassbox.core.explain.text;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.grouping.LabelGrouping;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens of a text as features: one feature per token position, or one per distinct word (the {@code lime}
 * package's bag of words, where masking a word masks every occurrence). The grouped "input" is the token sequence, so
 * {@link #expand(float[])} gives one value per token, and {@link #tokens()} holds the character offsets to draw them
 * over the text.
 */
public final class TokenGrouping implements FeatureGrouping {
    private final String text;
    private final List<Token> tokens;
    private final LabelGrouping features;

    private TokenGrouping(String text, List<Token> tokens, int[] labels) {
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.features = LabelGrouping.of(Shape.of(tokens.size()), labels, null);
    }

    /** One feature per token position. */
    public static TokenGrouping byPosition(String text, List<Token> tokens) {
        requireTokens(tokens);
        int[] labels = new int[tokens.size()];
        Arrays.setAll(labels, i -> i);
        return new TokenGrouping(text, tokens, labels);
    }

    /** One feature per distinct word, numbered in order of first appearance. */
    public static TokenGrouping byWord(String text, List<Token> tokens) {
        requireTokens(tokens);
        Map<String, Integer> ids = new HashMap<>();
        int[] labels = new int[tokens.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = ids.computeIfAbsent(tokens.get(i).text(), w -> ids.size());
        }
        return new TokenGrouping(text, tokens, labels);
    }

    private static void requireTokens(List<Token> tokens) {
        if (tokens.isEmpty()) {
            throw new InvalidInputException("the text has no tokens to explain");
        }
    }

    /** The text the tokens come from. */
    public String text() {
        return text;
    }

    /** The tokens with their character offsets. */
    public List<Token> tokens() {
        return tokens;
    }

    @Override
    public Shape inputShape() {
        return features.inputShape();
    }

    @Override
    public int groupCount() {
        return features.groupCount();
    }

    @Override
    public int[] members(int group) {
        return features.members(group);
    }

    /** The feature's word (its first occurrence). */
    @Override
    public String name(int group) {
        return tokens.get(features.members(group)[0]).text();
    }

    @Override
    public float[] expand(float[] groupValues) {
        return features.expand(groupValues);
    }

    /** The feature of each token. */
    int[] featureOfTokens() {
        return features.groupOfElements();
    }

    @Override
    public String toString() {
        return "tokens(" + tokens.size() + ", features=" + groupCount() + ")";
    }
}
