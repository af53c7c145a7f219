package dev.glassbox.core.uncertainty;

import dev.glassbox.core.math.Vectors;

/** Proper scoring rules of class probabilities against labels, averaged over samples: lower is better. */
public final class ScoringRules {
    /**
     * The smallest probability {@link #nll(double[][], int[])} takes the log of: a zero probability on the label
     * costs {@code −log 1e−12 ≈ 27.6} instead of infinity.
     */
    public static final double MIN_PROBABILITY = 1e-12;

    private ScoringRules() {
    }

    /**
     * Negative log-likelihood {@code −(1/N) Σ_i log p_i[y_i]} in nats, with probabilities clamped at
     * {@link #MIN_PROBABILITY}.
     */
    public static double nll(double[][] probabilities, int[] labels) {
        int classes = Checks.probabilities(probabilities);
        Checks.labels(labels, probabilities.length, classes);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(probabilities[i][labels[i]], MIN_PROBABILITY));
        }
        return sum / labels.length;
    }

    /** Negative log-likelihood of the softmax of logits, computed exactly as {@code logsumexp(z) − z_y}. */
    public static double nll(float[][] logits, int[] labels) {
        int classes = Checks.logits(logits);
        Checks.labels(labels, logits.length, classes);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum += Vectors.logSumExp(Vectors.toDouble(logits[i])) - logits[i][labels[i]];
        }
        return sum / labels.length;
    }

    /**
     * Multi-class Brier score as in Brier (1950): {@code (1/N) Σ_i Σ_k (p_ik − [y_i = k])²}, the squared error summed
     * over classes and averaged over samples. It lies in [0, 2]; a uniform prediction scores {@code 1 − 1/K}.
     * (Some libraries divide by K as well, or score only the binary positive class.)
     */
    public static double brier(double[][] probabilities, int[] labels) {
        int classes = Checks.probabilities(probabilities);
        Checks.labels(labels, probabilities.length, classes);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < classes; k++) {
                double error = probabilities[i][k] - (labels[i] == k ? 1 : 0);
                sum += error * error;
            }
        }
        return sum / labels.length;
    }
}
