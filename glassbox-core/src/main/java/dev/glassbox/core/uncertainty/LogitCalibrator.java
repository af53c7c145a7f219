package dev.glassbox.core.uncertainty;

import dev.glassbox.core.math.Vectors;

/**
 * A post-hoc map from a model's logits to calibrated logits, fitted on held-out validation data; the calibrated
 * probabilities are their softmax. Fit on validation logits, then apply to test logits.
 */
public interface LogitCalibrator {
    /** The calibrated logits of each row. */
    double[][] calibratedLogits(float[][] logits);

    /** The softmax of the calibrated logits of each row. */
    default double[][] probabilities(float[][] logits) {
        double[][] calibrated = calibratedLogits(logits);
        double[][] out = new double[calibrated.length][];
        for (int i = 0; i < calibrated.length; i++) {
            out[i] = Vectors.softmax(calibrated[i]);
        }
        return out;
    }

    /** One line naming the method and its fitted parameters, for reports. */
    String description();

    /** The metrics before and after calibration on the data the map was fitted on. */
    CalibrationFit summary();
}
