package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;

/**
 * A modified backward rule for one kind of layer. During a rule-based reverse pass ({@link RuleBackprop}) it replaces
 * the layer's vector–Jacobian product: given what the layer saw (and, for reference-based rules such as DeepLIFT, what
 * it saw on the reference), the cotangent arriving at its output and the layer's own backward pass (for rules that
 * adjust a cotangent and let the layer pull it back), it returns the cotangent to pass to its input.
 */
public interface Rule {

    /** Whether this rule replaces the backward pass of {@code layer}. */
    boolean appliesTo(ai.djl.nn.Block layer);

    /** The cotangent at the layer's input. The arrays of {@code pass} carry no autograd graph. */
    NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer);
}
