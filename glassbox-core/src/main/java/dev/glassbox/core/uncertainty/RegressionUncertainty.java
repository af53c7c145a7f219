package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;

/**
 * The uncertainty of a regression ensemble whose T members each predict a Gaussian (a mean and a variance) per
 * sample, combined as one Gaussian by matching moments (Lakshminarayanan et al. 2017): the prediction is the mean of
 * the members' means, the aleatoric variance the mean of their variances, the epistemic variance the variance of
 * their means (dividing by T, not T − 1), and the total variance their sum. MC dropout passes work the same way.
 *
 * @param mean the combined mean per sample
 * @param aleatoric the mean of the members' variances per sample
 * @param epistemic the variance of the members' means per sample
 */
public record RegressionUncertainty(double[] mean, double[] aleatoric, double[] epistemic) {

    /**
     * Combines members' Gaussian predictions given as {@code T × N} means and variances (variances ≥ 0; pass zeros
     * for members that predict only a mean).
     */
    public static RegressionUncertainty ofGaussianMembers(double[][] means, double[][] variances) {
        if (means.length == 0) {
            throw new InvalidInputException("regression uncertainty needs at least one member, got none");
        }
        Checks.sameLength(means.length, variances.length, "members of means and variances");
        int n = means[0].length;
        for (int t = 0; t < means.length; t++) {
            Checks.finite(means[t], "means of member " + t);
            Checks.finite(variances[t], "variances of member " + t);
            Checks.sameLength(n, means[t].length, "samples of member 0 and member " + t);
            Checks.sameLength(n, variances[t].length, "samples of member 0 and the variances of member " + t);
            for (int i = 0; i < n; i++) {
                if (variances[t][i] < 0) {
                    throw new InvalidInputException("variance of member " + t + " at sample " + i + " is "
                            + variances[t][i] + ", expected a value ≥ 0");
                }
            }
        }
        int members = means.length;
        double[] mean = new double[n];
        double[] aleatoric = new double[n];
        double[] epistemic = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < members; t++) {
                mean[i] += means[t][i] / members;
                aleatoric[i] += variances[t][i] / members;
            }
            for (int t = 0; t < members; t++) {
                double deviation = means[t][i] - mean[i];
                epistemic[i] += deviation * deviation / members;
            }
        }
        return new RegressionUncertainty(mean, aleatoric, epistemic);
    }

    /** The total predictive variance per sample: aleatoric plus epistemic. */
    public double[] total() {
        double[] total = new double[mean.length];
        for (int i = 0; i < total.length; i++) {
            total[i] = aleatoric[i] + epistemic[i];
        }
        return total;
    }
}
