package dev.glassbox.core.uncertainty;

/**
 * σ scaling (Laves et al. 2020): recalibrates Gaussian regression predictions by one factor {@code s} on every
 * predicted standard deviation, fitted on held-out calibration data by minimising the mean Gaussian negative
 * log-likelihood, whose minimiser is closed-form: {@code s² = mean((y − μ)² / σ²)}, the mean squared standardised
 * residual. The means are left alone.
 *
 * @param factor the factor on every standard deviation (above 0)
 */
public record SigmaScaling(double factor) {
    public SigmaScaling {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new dev.glassbox.core.InvalidInputException("a σ-scaling factor must be positive and finite, was "
                    + factor);
        }
    }

    /** The NLL-minimising factor on {@code calibration}; a set whose residuals are all 0 is refused. */
    public static SigmaScaling fit(GaussianPredictions calibration) {
        double sum = 0;
        for (int i = 0; i < calibration.count(); i++) {
            double z = calibration.standardisedResidual(i);
            sum += z * z;
        }
        if (sum == 0) {
            throw new dev.glassbox.core.InvalidInputException("σ scaling needs calibration data that its means miss; "
                    + "every target equals its predicted mean");
        }
        return new SigmaScaling(Math.sqrt(sum / calibration.count()));
    }

    /** {@code predictions} with their standard deviations multiplied by the factor. */
    public GaussianPredictions apply(GaussianPredictions predictions) {
        return predictions.scaled(factor);
    }
}
