package dev.glassbox.core.uncertainty;

import dev.glassbox.core.math.Vectors;

/**
 * Per-sample out-of-distribution scores. Every score follows one convention: <b>higher means more likely out of
 * distribution</b>, so any of them can be passed to {@link OodMetrics} as it is.
 */
public final class OodScores {
    private OodScores() {
    }

    /**
     * One minus the maximum softmax probability (Hendrycks and Gimpel 2017): an order-equivalent form of the negated
     * MSP baseline, in {@code [0, 1 − 1/K]}.
     */
    public static double[] maxSoftmax(double[][] probabilities) {
        double[] confidences = Probabilities.confidences(probabilities);
        double[] out = new double[confidences.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 - confidences[i];
        }
        return out;
    }

    /** The entropy of each row of probabilities in nats, in {@code [0, log K]}. */
    public static double[] entropy(double[][] probabilities) {
        Checks.probabilities(probabilities);
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Probabilities.entropy(probabilities[i]);
        }
        return out;
    }

    /** The energy score {@code −log Σ_k exp(z_k)} of each row of logits (Liu et al. 2020). */
    public static double[] energy(float[][] logits) {
        Checks.logits(logits);
        double[] out = new double[logits.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = -Vectors.logSumExp(Vectors.toDouble(logits[i]));
        }
        return out;
    }

    /**
     * The mutual information between prediction and model (the epistemic part of
     * {@link EntropyDecomposition}), which equals the mean KL divergence {@code (1/T) Σ_t KL(p_t ‖ p̄)} of the
     * members from their mean: the ensemble disagreement measured in nats.
     */
    public static double[] mutualInformation(StochasticPredictions predictions) {
        return EntropyDecomposition.of(predictions).mutualInformation();
    }

    /**
     * The members' spread around their mean, {@code (1/T) Σ_t ‖p_t − p̄‖²}: the variance of the member probabilities
     * summed over classes (the trace of their covariance), in {@code [0, 1 − 1/K]}. Unlike mutual information it
     * weighs disagreement about every class alike, not by surprise.
     */
    public static double[] memberVariance(StochasticPredictions predictions) {
        double[][] mean = predictions.mean();
        double[] out = new double[predictions.samples()];
        for (double[][] member : predictions.probabilities()) {
            for (int i = 0; i < out.length; i++) {
                for (int k = 0; k < mean[i].length; k++) {
                    double deviation = member[i][k] - mean[i][k];
                    out[i] += deviation * deviation / predictions.members();
                }
            }
        }
        return out;
    }
}
