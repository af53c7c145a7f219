package dev.glassbox.core.explain.text;

import java.util.List;

/**
 * A model over raw text: a batch of strings in, one row of scores (class logits or regression outputs) per string out.
 * Wrap a Java tokeniser plus network, a bag-of-words classifier or a lambda; text explainers perturb the words of the
 * input and call this with the re-joined texts.
 */
@FunctionalInterface
public interface TextModel {

    /** Scores for each text, in order. */
    float[][] predict(List<String> texts);

    /** Whether the scores are logits (so that a softmax gives probabilities); true unless overridden. */
    default boolean outputsLogits() {
        return true;
    }

    /**
     * What the model reads of {@code text}, when it can tell: texts with equal keys must get equal scores (a model that
     * tokenises returns the token ids it keeps). Text explainers then evaluate each distinct key once, and a token whose
     * masking alone leaves the key unchanged is outside the model's view: it is no feature of perturbation methods and
     * gets exactly zero. {@code null}, the default, when the model cannot tell.
     */
    default Object inputKey(String text) {
        return null;
    }

    /**
     * An offset in {@code text} after which the model reads nothing, when {@link #inputKey} is not null: any text that
     * keeps the first {@code readEnd} characters of {@code text} and differs only after them has the same input key (a
     * model that reads at most N tokens returns an offset past its N-th). Text explainers then know, without building
     * and reading each perturbed text, that masking a word beyond it changes nothing, which keeps their cost from
     * growing with the square of the text's length. The default, the text's length, claims nothing.
     */
    default int readEnd(String text) {
        return text.length();
    }
}
