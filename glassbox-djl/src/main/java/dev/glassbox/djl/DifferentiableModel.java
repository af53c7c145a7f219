package dev.glassbox.djl;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;

/** A {@link Model} that also gives gradients of its outputs with respect to its input. */
public interface DifferentiableModel extends Model {
    /** The default memory one pass of path points or noisy copies may use ({@link #samplesPerPass}). */
    long DEFAULT_PASS_BUDGET_BYTES = 256L << 20;

    /**
     * Scores and vector–Jacobian products for a batch from one forward and one backward pass: row {@code i} of the
     * gradients is ∂(Σ_k w_ik · f(x_i)_k)/∂x_i, with the weights w_i chosen from the scores of that same pass.
     */
    Gradients gradients(float[][] batch, OutputWeighting weighting);

    /**
     * Vector–Jacobian products with fixed weights: row {@code i} is the gradient of
     * {@code Σ_k cotangent[i][k] · f(x_i)[k]} with respect to {@code x_i}, flattened like the input.
     */
    default float[][] inputGradient(float[][] batch, float[][] outputCotangent) {
        Cotangents.requireShape(outputCotangent, batch.length, outputSize());
        return gradients(batch, OutputWeighting.fixed(outputCotangent)).gradients();
    }

    /**
     * An estimate of the engine memory one sample's forward and backward pass holds (activations, what autograd
     * saves, their gradients), for explainers that size their passes to a memory budget; 0 when the model cannot tell.
     */
    default long activationBytesPerSample() {
        return 0;
    }

    /**
     * How many samples one forward and backward pass may hold within {@code budgetBytes}: per sample the input, its
     * gradient and the engine's copies of both (four float32 copies), and {@link #activationBytesPerSample()}; at least
     * one.
     */
    default int samplesPerPass(long budgetBytes) {
        long bytesPerSample = 4L * inputShape().size() * 4 + activationBytesPerSample();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / bytesPerSample));
    }

    /** The gradient of the target output of each sample with respect to that sample, in one pass. */
    default float[][] inputGradient(float[][] batch, Target target) {
        return gradients(batch, OutputWeighting.target(target)).gradients();
    }

    /** Checks a memory budget for {@link #samplesPerPass} and returns it. */
    static long requirePassBudget(long bytes) {
        if (bytes <= 0) {
            throw new InvalidInputException("the memory budget must be positive, got " + bytes);
        }
        return bytes;
    }
}
