package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/**
 * A backward rule that may depend on the cotangent in any way (guided backprop and deconvnet clip it). During a
 * rule-based reverse pass ({@link RuleBackprop}) it replaces the layer's vector–Jacobian product: given what the layer
 * saw, the cotangent arriving at its output and the layer's own vector–Jacobian product (for rules that adjust the
 * cotangent and then let the layer's backward pass run), it returns the cotangent to pass to its input.
 */
public interface Rule extends LayerRule {

    /** The cotangent at the layer's input; {@code layerBackward} may be called at most once. */
    NDArray backward(LayerPass pass, NDArray cotangent, UnaryOperator<NDArray> layerBackward);
}
