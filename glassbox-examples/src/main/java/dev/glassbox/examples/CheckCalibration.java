package dev.glassbox.examples;

import dev.glassbox.core.uncertainty.CalibrationMetrics;
import dev.glassbox.core.uncertainty.Probabilities;
import dev.glassbox.core.uncertainty.TemperatureScaling;

/**
 * Is the model certain? Measures how well a classifier's confidence matches its accuracy (expected calibration error,
 * Brier score, NLL) from its logits on labelled held-out data, and fits temperature scaling on them. The logits can
 * come from any model: {@code model.predict(rows)}. Needs only {@code glassbox-core}.
 */
public final class CheckCalibration {
    private CheckCalibration() {
    }

    /** The calibration before and after temperature scaling, and the fitted temperature. */
    public record Report(CalibrationMetrics before, CalibrationMetrics after, double temperature) {
    }

    /** Fits a temperature to {@code logits} and {@code labels} and measures both sides. */
    public static Report check(float[][] logits, int[] labels) {
        CalibrationMetrics before = CalibrationMetrics.of(Probabilities.softmax(logits), labels);
        TemperatureScaling scaling = TemperatureScaling.fit(logits, labels);
        CalibrationMetrics after = CalibrationMetrics.of(scaling.probabilities(logits), labels);
        return new Report(before, after, scaling.temperature());
    }
}
