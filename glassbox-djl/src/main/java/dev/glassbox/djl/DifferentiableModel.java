package dev.glassbox.djl;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;

/** A {@link Model} that also gives gradients of its outputs with respect to its input. */
public interface DifferentiableModel extends Model {

    /**
     * Vector–Jacobian products for a batch: row {@code i} of the result is the gradient of
     * {@code Σ_k cotangent[i][k] · f(x_i)[k]} with respect to {@code x_i}, flattened like the input.
     *
     * @param batch samples, each flattened as {@link #inputShape()}
     * @param outputCotangent one row of {@link #outputSize()} weights per sample
     */
    float[][] inputGradient(float[][] batch, float[][] outputCotangent);

    /** The gradient of the target output of each sample with respect to that sample. */
    default float[][] inputGradient(float[][] batch, Target target) {
        return inputGradient(batch, Cotangents.oneHot(predict(batch), target));
    }
}
