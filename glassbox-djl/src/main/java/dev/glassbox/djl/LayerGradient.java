package dev.glassbox.djl;

import dev.glassbox.core.model.Shape;

/**
 * A layer's activations for a batch, the gradient of an output weighting with respect to them, and the batch's
 * scores from the same pass; activations and gradients flattened per sample in the layer's shape (without the batch
 * dimension).
 */
public record LayerGradient(String layer, Shape shape, float[][] activations, float[][] gradients, float[][] scores) {
}
