package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * What one layer saw in a recorded forward pass: its input and output, and, for reference-based rules such as
 * DeepLIFT, its input and output on the reference (baseline) batch ({@code null} when there is no reference).
 */
public record LayerPass(String name, Block layer, NDArray input, NDArray output, NDArray referenceInput,
        NDArray referenceOutput) {

    /** Whether the pass was recorded with a reference batch. */
    public boolean hasReference() {
        return referenceInput != null;
    }

    /** The layer applied to another array in inference mode, keeping that array's autograd graph. */
    public NDArray apply(NDArray x) {
        return layer.forward(new ParameterStore(x.getManager(), false), new NDList(x), false).singletonOrThrow();
    }
}
