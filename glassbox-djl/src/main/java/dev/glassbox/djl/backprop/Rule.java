package dev.glassbox.djl.backprop;

import ai.djl.ndarray.NDArray;
import dev.glassbox.djl.graph.GraphNode;

/**
 * A modified backward rule for one kind of node. During a rule-based reverse pass ({@link RuleBackprop}) it replaces
 * the node's vector–Jacobian product: given what the node saw (and, for reference-based rules such as DeepLIFT, what
 * it saw on the reference), the cotangent arriving at its output and the node's own backward pass (for rules that
 * adjust a cotangent and let the node pull it back), it returns the cotangent to pass to its input. Rules claim nodes
 * with one input and one output.
 */
public interface Rule {

    /** Whether this rule replaces the backward pass of {@code node}. */
    boolean appliesTo(GraphNode node);

    /** The cotangent at the node's input. The arrays of {@code pass} carry no autograd graph. */
    NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer);

    /**
     * Whether the rule reads {@link LayerBackward#plainCotangent()}: where the node's output goes straight into
     * another claimed node, the cotangent that node's own backward pass gives, before its rule replaces it — what
     * Captum's module hooks hand a rule in that position.
     */
    default boolean readsPlainCotangent() {
        return false;
    }
}
