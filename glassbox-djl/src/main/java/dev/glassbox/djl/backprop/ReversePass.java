package dev.glassbox.djl.backprop;

/**
 * What a rule-based reverse pass returns: the scores of the batch, the scores of its reference batch ({@code null}
 * when the pass had none), the cotangents that reached the inputs, and the relevance that {@link InputRelevanceRule}s
 * handed back at the inputs ({@code null} when none claimed a node).
 */
public record ReversePass(float[][] scores, float[][] referenceScores, float[][] cotangents, float[][] inputRelevance) {
}
