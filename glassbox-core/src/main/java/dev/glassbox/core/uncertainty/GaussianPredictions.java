package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;

/**
 * Gaussian regression predictions and the values they predict: per sample a target, a predicted mean and a predicted
 * standard deviation, checked once (equal lengths, finite values, positive standard deviations).
 *
 * @param targets the observed values
 * @param means the predicted means
 * @param stds the predicted standard deviations, each above 0
 */
public record GaussianPredictions(double[] targets, double[] means, double[] stds) {
    public GaussianPredictions {
        Checks.finite(targets, "targets");
        Checks.finite(means, "predicted means");
        Checks.finite(stds, "predicted standard deviations");
        Checks.sameLength(targets.length, means.length, "targets and predicted means");
        Checks.sameLength(targets.length, stds.length, "targets and predicted standard deviations");
        for (int i = 0; i < stds.length; i++) {
            if (!(stds[i] > 0)) {
                throw new InvalidInputException("predicted standard deviation " + i + " is " + stds[i]
                        + ", expected a value above 0");
            }
        }
        targets = targets.clone();
        means = means.clone();
        stds = stds.clone();
    }

    /** The predictions of {@code uncertainty}'s total variance for {@code targets}. */
    public static GaussianPredictions of(double[] targets, RegressionUncertainty uncertainty) {
        double[] total = uncertainty.total();
        double[] stds = new double[total.length];
        for (int i = 0; i < stds.length; i++) {
            stds[i] = Math.sqrt(total[i]);
        }
        return new GaussianPredictions(targets, uncertainty.mean(), stds);
    }

    @Override
    public double[] targets() {
        return targets.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] stds() {
        return stds.clone();
    }

    /** The number of samples. */
    public int count() {
        return targets.length;
    }

    /** The standardised residual {@code (y − μ) / σ} of sample {@code i}. */
    public double standardisedResidual(int i) {
        return (targets[i] - means[i]) / stds[i];
    }

    /** The same targets and means with every standard deviation multiplied by {@code factor} (above 0). */
    public GaussianPredictions scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new InvalidInputException("a standard-deviation scale must be positive and finite, was " + factor);
        }
        double[] scaled = new double[stds.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = stds[i] * factor;
        }
        return new GaussianPredictions(targets, means, scaled);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianPredictions p && java.util.Arrays.equals(targets, p.targets)
                && java.util.Arrays.equals(means, p.means) && java.util.Arrays.equals(stds, p.stds);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(targets), java.util.Arrays.hashCode(means),
                java.util.Arrays.hashCode(stds));
    }

    @Override
    public String toString() {
        return "GaussianPredictions[" + targets.length + " samples]";
    }
}
