package dev.glassbox.core.uncertainty;

/**
 * Binned calibration errors of class probabilities against labels, with netcal's semantics:
 * {@code ECE = Σ_b (n_b / N) |acc_b − conf_b|} over non-empty bins, {@code MCE = max_b |acc_b − conf_b|}.
 * Top-label measures bin each row's largest probability and ask whether that class was the label; the classwise ECE
 * of Kull et al. (2019) bins every class's probability against whether the label was that class, and averages the
 * K errors.
 */
public final class CalibrationError {
    /** The number of bins used when none is given: 15, as in Guo et al. (2017). */
    public static final int DEFAULT_BINS = 15;

    private CalibrationError() {
    }

    /** Top-label reliability bins: each row's confidence against whether its predicted class is the label. */
    public static ReliabilityBins reliability(double[][] probabilities, int[] labels, int bins, Binning binning) {
        int classes = Checks.probabilities(probabilities);
        Checks.labels(labels, probabilities.length, classes);
        int[] predicted = Probabilities.predictions(probabilities);
        double[] confidences = Probabilities.confidences(probabilities);
        boolean[] correct = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            correct[i] = predicted[i] == labels[i];
        }
        return ReliabilityBins.of(confidences, correct, bins, binning);
    }

    /** Top-label expected calibration error with {@link #DEFAULT_BINS} equal-width bins. */
    public static double ece(double[][] probabilities, int[] labels) {
        return ece(probabilities, labels, DEFAULT_BINS, Binning.EQUAL_WIDTH);
    }

    /** Top-label expected calibration error. */
    public static double ece(double[][] probabilities, int[] labels, int bins, Binning binning) {
        return reliability(probabilities, labels, bins, binning).ece();
    }

    /** Top-label maximum calibration error. */
    public static double mce(double[][] probabilities, int[] labels, int bins, Binning binning) {
        return reliability(probabilities, labels, bins, binning).mce();
    }

    /** Classwise ECE: the mean over classes k of the ECE of {@code p_k} against {@code [label = k]}. */
    public static double classwiseEce(double[][] probabilities, int[] labels, int bins, Binning binning) {
        int classes = Checks.probabilities(probabilities);
        Checks.labels(labels, probabilities.length, classes);
        double sum = 0;
        double[] confidences = new double[labels.length];
        boolean[] isClass = new boolean[labels.length];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < labels.length; i++) {
                confidences[i] = probabilities[i][k];
                isClass[i] = labels[i] == k;
            }
            sum += ReliabilityBins.of(confidences, isClass, bins, binning).ece();
        }
        return sum / classes;
    }
}
