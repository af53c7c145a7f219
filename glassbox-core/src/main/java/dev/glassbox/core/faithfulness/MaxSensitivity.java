package dev.glassbox.core.faithfulness;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Max-sensitivity (Yeh et al. 2019): how far an explanation moves when the input moves a little, as the largest
 * ‖Φ(x + δ) − Φ(x)‖₂ / ‖Φ(x)‖₂ over {@code samples} seeded draws of δ uniform in the L∞ ball of radius r, the
 * explained class held fixed (Captum's {@code sensitivity_max} defaults: r = 0.02, 10 samples). Where Φ(x) is all
 * zero the norm of the change itself is reported. Lower is more stable; the perturbed inputs are explained in one
 * batch.
 */
public final class MaxSensitivity {
    private final double radius;
    private final int samples;
    private final long seed;

    private MaxSensitivity(double radius, int samples, long seed) {
        this.radius = radius;
        this.samples = samples;
        this.seed = seed;
    }

    /** Max-sensitivity with a radius, a number of draws and a seed. */
    public static MaxSensitivity of(double radius, int samples, long seed) {
        if (!(radius > 0) || !Double.isFinite(radius) || samples < 1) {
            throw new InvalidInputException("max-sensitivity needs a positive radius and at least one sample, got "
                    + radius + " and " + samples);
        }
        return new MaxSensitivity(radius, samples, seed);
    }

    /** Captum's defaults: radius 0.02, 10 samples. */
    public static MaxSensitivity defaults(long seed) {
        return of(0.02, 10, seed);
    }

    /** The max-sensitivity of {@code explainer} at {@code input} of shape {@code shape}, explaining class {@code target}. */
    public double of(Explainer explainer, float[] input, Shape shape, int target) {
        Batches.requireValid(new float[][] {input}, shape);
        Attribution original = explainer.explain(new float[][] {input}, new int[] {target}).get(0);
        SplittableRandom random = new SplittableRandom(seed);
        float[][] rows = new float[samples][input.length];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (input[j] + radius * (2 * random.nextDouble() - 1));
            }
        }
        int[] targets = new int[samples];
        Arrays.fill(targets, target);
        List<Attribution> moved = explainer.explain(rows, targets);
        double norm = norm(original.values(), null, original);
        double worst = 0;
        for (Attribution a : moved) {
            worst = Math.max(worst, norm(a.values(), original.values(), a));
        }
        return norm == 0 ? worst : worst / norm;
    }

    /** ‖v − minus‖₂ ({@code minus} may be null). */
    private static double norm(float[] v, float[] minus, Attribution source) {
        if (minus != null && minus.length != v.length) {
            throw new InvalidInputException(source.method() + " changed its map's size under a small perturbation");
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - (minus == null ? 0 : minus[i]);
            sum += d * d;
        }
        if (!Double.isFinite(sum)) {
            throw new InvalidInputException(source.method() + " produced a map that is not finite");
        }
        return Math.sqrt(sum);
    }
}
