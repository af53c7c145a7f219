package dev.glassbox.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;

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
}
