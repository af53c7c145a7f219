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
     * The output of {@code layer} for each sample, the gradient of {@code Σ_k w_ik · f(x_i)[k]} with respect to it
     * (weights chosen from the scores of the same pass), and the scores.
     */
    LayerGradient layerGradient(float[][] batch, String layer, OutputWeighting weighting);

    /**
     * The input gradient of a weighted sum of a layer's activation, for objectives on a hidden layer (feature
     * visualisation, DeepDream): row {@code i} of the gradients is {@code ∂(Σ_j w_ij · a(x_i)[j])/∂x_i}, with the
     * weights chosen from the activation of the same pass; the result's scores are the activations {@code a(x_i)},
     * flattened in the layer's shape.
     */
    Gradients activationInputGradient(float[][] batch, String layer, OutputWeighting weighting);

    /**
     * The output of {@code layer} for each sample, flattened in the layer's shape, by a forward pass alone (no graph
     * is recorded and nothing is differentiated). The default reads it from a layer gradient; models override it.
     */
    default float[][] activations(float[][] batch, String layer) {
        return layerGradient(batch, layer, new float[batch.length][outputSize()]).activations();
    }

    /** {@link #layerGradient(float[][], String, OutputWeighting)} with fixed weights, one row per sample. */
    default LayerGradient layerGradient(float[][] batch, String layer, float[][] outputCotangent) {
        Cotangents.requireShape(outputCotangent, batch.length, outputSize());
        return layerGradient(batch, layer, OutputWeighting.fixed(outputCotangent));
    }
}
