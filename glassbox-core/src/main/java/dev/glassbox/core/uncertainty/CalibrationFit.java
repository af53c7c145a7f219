package dev.glassbox.core.uncertainty;

/**
 * How a calibration map changed the predictions it was fitted on.
 *
 * @param before the metrics of the softmax of the raw logits
 * @param after the metrics of the calibrated probabilities
 * @param iterations the optimiser's Newton steps
 */
public record CalibrationFit(CalibrationMetrics before, CalibrationMetrics after, int iterations) {

    /** Measures {@code calibrator} on the logits and labels it was fitted on. */
    static CalibrationFit measure(float[][] logits, int[] labels, LogitCalibrator calibrator, int iterations) {
        return new CalibrationFit(CalibrationMetrics.of(Probabilities.softmax(logits), labels),
                CalibrationMetrics.of(calibrator.probabilities(logits), labels), iterations);
    }
}
