package dev.glassbox.djl.robust.explanation;

import java.util.SplittableRandom;

/**
 * The gradient of a function known only by its values, estimated by Gaussian smoothing with antithetic pairs (the
 * estimator of natural evolution strategies): ∇f_σ(x) ≈ 1/(2σn) Σ_j [f(x + σu_j) − f(x − σu_j)] u_j, u_j ~ N(0, I).
 * It is the exact gradient of f smoothed by N(0, σ²I), so it points somewhere useful even where f is piecewise
 * constant, as the explanation maps of ReLU networks are. The caller evaluates the 2n points in one batch.
 */
final class SmoothedGradient {
    private final int pairs;
    private final double sigma;

    SmoothedGradient(int pairs, double sigma) {
        this.pairs = pairs;
        this.sigma = sigma;
    }

    /** n directions u_j ~ N(0, I) of {@code size} values, drawn from {@code random}. */
    float[][] directions(int size, SplittableRandom random) {
        float[][] out = new float[pairs][size];
        for (float[] u : out) {
            for (int i = 0; i < size; i++) {
                u[i] = (float) random.nextGaussian();
            }
        }
        return out;
    }

    /** The 2n points x + σu_j, x − σu_j (in that order, pair by pair). */
    float[][] points(float[] x, float[][] directions) {
        float[][] out = new float[2 * pairs][x.length];
        for (int j = 0; j < pairs; j++) {
            for (int i = 0; i < x.length; i++) {
                float step = (float) (sigma * directions[j][i]);
                out[2 * j][i] = x[i] + step;
                out[2 * j + 1][i] = x[i] - step;
            }
        }
        return out;
    }

    /** The estimate from f's values at {@link #points} ({@code values[from]} onwards, 2n of them). */
    double[] estimate(double[] values, int from, float[][] directions) {
        double[] out = new double[directions[0].length];
        for (int j = 0; j < pairs; j++) {
            double weight = (values[from + 2 * j] - values[from + 2 * j + 1]) / (2 * sigma * pairs);
            for (int i = 0; i < out.length; i++) {
                out[i] += weight * directions[j][i];
            }
        }
        return out;
    }

    /** The number of points per estimate, 2n. */
    int points() {
        return 2 * pairs;
    }
}
