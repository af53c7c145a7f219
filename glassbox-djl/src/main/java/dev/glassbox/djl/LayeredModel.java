package dev.glassbox.djl;

import java.util.List;

/**
 * A {@link DifferentiableModel} whose hidden activations are reachable by layer name, with the gradient of an output
 * weighting with respect to them (what Grad-CAM, TCAV and network dissection read).
 */
public interface LayeredModel extends DifferentiableModel {

    /** The names of the layers whose outputs can be read, in forward order. */
    List<String> layerNames();

    /**
     * The output of {@code layer} for each sample, and the gradient of {@code Σ_k cotangent[i][k] · f(x_i)[k]} with
     * respect to it.
     */
    LayerGradient layerGradient(float[][] batch, String layer, float[][] outputCotangent);
}
