package dev.glassbox.djl;

import dev.glassbox.core.model.Shape;

/**
 * A layer's activations for a batch and the gradient of an output weighting with respect to them, both flattened per
 * sample in the layer's shape (without the batch dimension).
 */
public record LayerGradient(String layer, Shape shape, float[][] activations, float[][] gradients) {
}
