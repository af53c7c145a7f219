package dev.glassbox.djl;

/**
 * What a rule-based reverse pass returns: the scores of the batch, the scores of its reference batch ({@code null}
 * when the pass had none), and the cotangents that reached the inputs.
 */
public record ReversePass(float[][] scores, float[][] referenceScores, float[][] cotangents) {
}
