package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;

/**
 * A backward rule that is linear in the cotangent (DeepLIFT's multipliers, LRP's relevance rules), so it can be
 * written as a surrogate forward: a function whose value is the layer's output and whose vector–Jacobian product is
 * the rule. {@link SurrogateBackprop} then runs the whole model in one forward and one backward pass.
 */
public interface LinearRule extends LayerRule {

    /**
     * The surrogate output for {@code pass}: its {@link LayerPass#input()} carries the autograd graph, its
     * {@link LayerPass#output()} is the layer's value there, and the reference fields hold the reference pass.
     * Typically {@code stopGradient(output) + stopGradient(m) ⊙ (input − stopGradient(input))} for multipliers m.
     */
    NDArray surrogate(LayerPass pass);
}
