package dev.glassbox.core.uncertainty;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.StandardNormal;

/**
 * How well Gaussian regression predictions' intervals cover what they predict, with uncertainty-toolbox's definitions
 * (Chung et al. 2021; Kuleshov et al. 2018). For each expected proportion {@code p} on an even grid from 0 to 1, the
 * observed proportion is the share of samples whose standardised residual lies in the central interval
 * {@code [Φ⁻¹((1 − p)/2), Φ⁻¹((1 + p)/2)]}; the calibration curve plots observed against expected. The
 * miscalibration area is the area between that piecewise-linear curve and the diagonal (crossings split exactly, as
 * the toolbox's polygon computation does), the mean absolute calibration error the mean gap over the grid; the
 * negative log-likelihood is the mean Gaussian NLL and the sharpness the root mean predicted variance.
 *
 * @param expected the expected proportions (nominal levels), an even grid from 0 to 1
 * @param observed the observed proportion at each expected proportion
 * @param miscalibrationArea the area between the calibration curve and the diagonal
 * @param meanAbsoluteCalibrationError the mean of {@code |observed − expected|} over the grid
 * @param negativeLogLikelihood the mean of {@code ½ log(2πσ²) + (y − μ)² / (2σ²)}
 * @param sharpness {@code √(mean σ²)}
 */
public record RegressionCalibration(double[] expected, double[] observed, double miscalibrationArea,
        double meanAbsoluteCalibrationError, double negativeLogLikelihood, double sharpness) {
    /** uncertainty-toolbox's number of expected proportions. */
    public static final int DEFAULT_LEVELS = 100;

    public RegressionCalibration {
        expected = expected.clone();
        observed = observed.clone();
    }

    /** The calibration of {@code predictions} over {@value #DEFAULT_LEVELS} expected proportions. */
    public static RegressionCalibration of(GaussianPredictions predictions) {
        return of(predictions, DEFAULT_LEVELS);
    }

    /** The calibration of {@code predictions} over {@code levels} (at least 2) expected proportions from 0 to 1. */
    public static RegressionCalibration of(GaussianPredictions predictions, int levels) {
        if (levels < 2) {
            throw new InvalidInputException("a calibration curve needs at least 2 levels, got " + levels);
        }
        double[] expected = new double[levels];
        double[] observed = new double[levels];
        double gap = 0;
        for (int k = 0; k < levels; k++) {
            expected[k] = k / (double) (levels - 1);
            observed[k] = coverage(predictions, expected[k]);
            gap += Math.abs(observed[k] - expected[k]) / levels;
        }
        int n = predictions.count();
        double[] stds = predictions.stds();
        double nll = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double z = predictions.standardisedResidual(i);
            nll += (0.5 * Math.log(2 * Math.PI) + Math.log(stds[i]) + 0.5 * z * z) / n;
            variance += stds[i] * stds[i] / n;
        }
        return new RegressionCalibration(expected, observed, area(expected, observed), gap, nll, Math.sqrt(variance));
    }

    /**
     * The share of samples inside their central prediction interval of nominal coverage {@code level} ∈ [0, 1]: the
     * standardised residual between {@code Φ⁻¹((1 − level)/2)} and {@code Φ⁻¹((1 + level)/2)}, ends included.
     */
    public static double coverage(GaussianPredictions predictions, double level) {
        if (!(level >= 0 && level <= 1)) {
            throw new InvalidInputException("an interval's nominal coverage must lie in [0, 1], was " + level);
        }
        double lower = StandardNormal.quantile(0.5 - level / 2);
        double upper = StandardNormal.quantile(0.5 + level / 2);
        int inside = 0;
        for (int i = 0; i < predictions.count(); i++) {
            double z = predictions.standardisedResidual(i);
            if (z >= lower && z <= upper) {
                inside++;
            }
        }
        return inside / (double) predictions.count();
    }

    /** The area between the piecewise-linear curve through {@code (x_k, y_k)} and the diagonal {@code y = x}. */
    static double area(double[] x, double[] y) {
        double total = 0;
        for (int k = 0; k + 1 < x.length; k++) {
            double a = y[k] - x[k];
            double b = y[k + 1] - x[k + 1];
            double width = x[k + 1] - x[k];
            if (a * b >= 0) {
                total += width * (Math.abs(a) + Math.abs(b)) / 2;
            } else {
                // the gap changes sign inside the step: two triangles meeting where the curve crosses the diagonal
                total += width * (a * a + b * b) / (2 * (Math.abs(a) + Math.abs(b)));
            }
        }
        return total;
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    /** The observed proportion at the grid's level nearest to {@code level}. */
    public double observedAt(double level) {
        int k = (int) Math.round(level * (expected.length - 1));
        return observed[Math.max(0, Math.min(expected.length - 1, k))];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegressionCalibration c && java.util.Arrays.equals(expected, c.expected)
                && java.util.Arrays.equals(observed, c.observed)
                && Double.compare(miscalibrationArea, c.miscalibrationArea) == 0
                && Double.compare(meanAbsoluteCalibrationError, c.meanAbsoluteCalibrationError) == 0
                && Double.compare(negativeLogLikelihood, c.negativeLogLikelihood) == 0
                && Double.compare(sharpness, c.sharpness) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(expected), java.util.Arrays.hashCode(observed),
                miscalibrationArea, negativeLogLikelihood, sharpness);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "RegressionCalibration[area=%.4f, nll=%.4f, sharpness=%.4f]",
                miscalibrationArea, negativeLogLikelihood, sharpness);
    }
}
