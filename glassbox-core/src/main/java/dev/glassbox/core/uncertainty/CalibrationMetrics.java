package dev.glassbox.core.uncertainty;

/**
 * The calibration picture of one set of predictions in numbers: accuracy, the binned errors and the proper scores.
 *
 * @param bins the number of bins behind the binned errors
 * @param accuracy the share of rows whose predicted class is the label
 * @param ece top-label ECE with equal-width bins
 * @param adaptiveEce top-label ECE with equal-mass bins
 * @param mce top-label MCE with equal-width bins
 * @param classwiseEce classwise ECE with equal-width bins
 * @param nll negative log-likelihood in nats
 * @param brier multi-class Brier score (summed over classes, averaged over samples)
 */
public record CalibrationMetrics(int bins, double accuracy, double ece, double adaptiveEce, double mce,
        double classwiseEce, double nll, double brier) {

    /** All metrics with {@link CalibrationError#DEFAULT_BINS} bins. */
    public static CalibrationMetrics of(double[][] probabilities, int[] labels) {
        return of(probabilities, labels, CalibrationError.DEFAULT_BINS);
    }

    /** All metrics with {@code bins} bins. */
    public static CalibrationMetrics of(double[][] probabilities, int[] labels, int bins) {
        ReliabilityBins equalWidth = CalibrationError.reliability(probabilities, labels, bins, Binning.EQUAL_WIDTH);
        return new CalibrationMetrics(bins, equalWidth.accuracy(), equalWidth.ece(),
                CalibrationError.ece(probabilities, labels, bins, Binning.EQUAL_MASS), equalWidth.mce(),
                CalibrationError.classwiseEce(probabilities, labels, bins, Binning.EQUAL_WIDTH),
                ScoringRules.nll(probabilities, labels), ScoringRules.brier(probabilities, labels));
    }
}
