package dev.glassbox.djl;

/** The scores of a batch and the input gradients of their weighted sum, from one forward and one backward pass. */
public record Gradients(float[][] scores, float[][] gradients) {
}
