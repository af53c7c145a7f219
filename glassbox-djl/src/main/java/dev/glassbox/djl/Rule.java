package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;

/**
 * A modified backward rule for one kind of layer. During a rule-based reverse pass ({@link RuleBackprop}) a rule
 * replaces the layer's vector–Jacobian product: given what the layer saw and the cotangent arriving at its output, it
 * returns the cotangent to pass to its input. Guided backprop, deconvnet, DeepLIFT and LRP are sets of rules.
 */
public interface Rule {

    /** Whether this rule replaces the backward pass of {@code layer}. */
    boolean appliesTo(Block layer);

    /** The cotangent at the layer's input. */
    NDArray backward(LayerPass pass, NDArray cotangent);
}
