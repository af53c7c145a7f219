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
}
