package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;

/**
 * A backward rule that may depend on the cotangent in any way (guided backprop and deconvnet clip it). During a
 * rule-based reverse pass ({@link RuleBackprop}) it replaces the layer's vector–Jacobian product: given what the layer
 * saw and the cotangent arriving at its output, it returns the cotangent to pass to its input.
 */
public interface Rule extends LayerRule {

    /** The cotangent at the layer's input. */
    NDArray backward(LayerPass pass, NDArray cotangent);
}
