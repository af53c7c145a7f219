package dev.glassbox.djl.explain.mask;

import dev.glassbox.core.Progress;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.OutputWeighting;
import java.util.function.IntFunction;

/**
 * The descent both mask methods share. Each row holds an input x, its perturbed version x₀ (blurred, or a constant)
 * and a class c; its smooth mask m = S(p) decides what the model sees, x̃ = k ⊙ x + (1 − k) ⊙ x₀ with k = m
 * (preserve) or k = 1 − m (delete), the same k in every channel. Every iteration runs all rows through the model in
 * one forward and one backward pass and descends L = −σ·s_c(x̃) + penalties, where s_c is the class's raw score or
 * its softmax probability and σ = +1 to raise it, −1 to lower it; ∂s_c/∂k = Σ_channels ∂s_c/∂x̃ ⊙ (x − x₀), carried
 * back to the parameters through {@link SmoothMask#pullBack}.
 */
final class MaskSearch {
    /** What a method adds to the score term. */
    interface Penalty {
        /** Adds ∂penalty/∂m of {@code row}'s mask to {@code gradient} and returns the penalty. */
        double onMask(int row, int iteration, double[] mask, double[] gradient);

        /** Adds ∂penalty/∂p of {@code row}'s parameters to {@code gradient} and returns the penalty. */
        default double onParameters(int row, int iteration, double[] params, double[] gradient) {
            return 0;
        }
    }

    /** Which number of the model's output the search raises or lowers. */
    enum Score {
        /** The class's raw output (a logit for classifiers). */
        RAW,
        /** The class's softmax probability (the raw output when the model does not output logits). */
        PROBABILITY
    }

    /** The final masks (height × width each) and the class's raw score and probability under each. */
    record Outcome(double[][] masks, double[] scores, double[] probabilities) {
    }

    private final DifferentiableModel model;
    private final SmoothMask generator;
    private final boolean deleting;
    private final double direction;
    private final Score score;
    private final int iterations;
    private final double initial;
    private final IntFunction<GradientStep> steps;

    /**
     * A search; {@code deleting}: the model sees the mask's complement kept; {@code raise}: σ = +1;
     * {@code steps}: a fresh optimiser for a given parameter count.
     */
    MaskSearch(DifferentiableModel model, SmoothMask generator, boolean deleting, boolean raise, Score score,
            int iterations, double initial, IntFunction<GradientStep> steps) {
        this.model = model;
        this.generator = generator;
        this.deleting = deleting;
        this.direction = raise ? 1 : -1;
        this.score = score;
        this.iterations = iterations;
        this.initial = initial;
        this.steps = steps;
    }

    /** Optimises one mask per row and scores the final masks. */
    Outcome run(float[][] inputs, float[][] perturbed, int[] classes, Penalty penalty, Progress progress) {
        int rows = inputs.length;
        double[][] params = new double[rows][generator.parameterCount()];
        GradientStep[] optimisers = new GradientStep[rows];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(params[r], initial);
            optimisers[r] = steps.apply(generator.parameterCount());
        }
        OutputWeighting weighting = (row, scores) -> cotangent(scores, classes[row]);
        for (int t = 0; t < iterations; t++) {
            double[][] masks = new double[rows][];
            float[][] seen = new float[rows][];
            for (int r = 0; r < rows; r++) {
                masks[r] = generator.mask(params[r]);
                seen[r] = blend(inputs[r], perturbed[r], masks[r]);
            }
            Gradients pass = model.gradients(seen, weighting);
            for (int r = 0; r < rows; r++) {
                double[] maskGradient = scoreGradient(pass.gradients()[r], inputs[r], perturbed[r]);
                penalty.onMask(r, t, masks[r], maskGradient);
                double[] gradient = generator.pullBack(maskGradient);
                penalty.onParameters(r, t, params[r], gradient);
                optimisers[r].apply(params[r], gradient);
            }
            progress.update("optimising masks", t + 1, iterations);
        }
        return outcome(inputs, perturbed, classes, params);
    }

    /** ∂L/∂m of the score term: −σ · ∂s/∂k · ∂k/∂m, summed over channels. */
    private double[] scoreGradient(float[] inputGradient, float[] x, float[] x0) {
        int pixels = generator.pixelCount();
        double[] out = new double[pixels];
        double sign = -direction * (deleting ? -1 : 1);
        for (int j = 0; j < x.length; j++) {
            out[j % pixels] += sign * inputGradient[j] * (x[j] - x0[j]);
        }
        return out;
    }

    /** The cotangent of the score for one row: one-hot for the raw score, p_c(e_c − p) for the probability. */
    private float[] cotangent(float[] scores, int c) {
        float[] out = new float[scores.length];
        if (score == Score.PROBABILITY && model.outputsLogits()) {
            double[] p = Vectors.softmax(scores);
            for (int k = 0; k < scores.length; k++) {
                out[k] = (float) (p[c] * ((k == c ? 1 : 0) - p[k]));
            }
        } else {
            out[c] = 1f;
        }
        return out;
    }

    private Outcome outcome(float[][] inputs, float[][] perturbed, int[] classes, double[][] params) {
        int rows = inputs.length;
        double[][] masks = new double[rows][];
        float[][] seen = new float[rows][];
        for (int r = 0; r < rows; r++) {
            masks[r] = generator.mask(params[r]);
            seen[r] = blend(inputs[r], perturbed[r], masks[r]);
        }
        float[][] out = model.predict(seen);
        double[] scores = new double[rows];
        double[] probabilities = new double[rows];
        for (int r = 0; r < rows; r++) {
            scores[r] = out[r][classes[r]];
            probabilities[r] = model.outputsLogits() ? Vectors.softmax(out[r])[classes[r]] : scores[r];
        }
        return new Outcome(masks, scores, probabilities);
    }

    /** k ⊙ x + (1 − k) ⊙ x₀ with k = m or 1 − m, broadcast over channels. */
    float[] blend(float[] x, float[] x0, double[] mask) {
        int pixels = mask.length;
        float[] out = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            double k = deleting ? 1 - mask[j % pixels] : mask[j % pixels];
            out[j] = (float) (k * x[j] + (1 - k) * x0[j]);
        }
        return out;
    }
}
