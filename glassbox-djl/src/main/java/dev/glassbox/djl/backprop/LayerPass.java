package dev.glassbox.djl.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.glassbox.djl.graph.GraphNode;

/**
 * What one node saw in a recorded forward pass: its input and output, and, for reference-based rules such as
 * DeepLIFT, its input and output on the reference (baseline) batch ({@code null} when there is no reference).
 */
public record LayerPass(String name, GraphNode node, NDArray input, NDArray output, NDArray referenceInput,
        NDArray referenceOutput) {

    /** Whether the pass was recorded with a reference batch. */
    public boolean hasReference() {
        return referenceInput != null;
    }

    /** The node applied to another array in inference mode, keeping that array's autograd graph. */
    public NDArray apply(NDArray x) {
        return node.forward(new NDList(x)).singletonOrThrow();
    }
}
