package dev.glassbox.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InvalidInputTest {
    private static final double[][] PROBABILITIES = {{.6, .4}, {.3, .7}};
    private static final int[] LABELS = {0, 1};

    @Test
    void probabilitiesMustBeFiniteNormalisedAndRectangular() {
        rejects(() -> CalibrationError.ece(new double[][] {{.6, .4}, {Double.NaN, .7}}, LABELS),
                "probabilities row 1 has NaN at class 0, expected a probability in [0, 1]");
        rejects(() -> ScoringRules.brier(new double[][] {{.6, .4}, {.3, .6}}, LABELS),
                "probabilities row 1 sums to 0.8999999999999999, expected 1 (± 1.0E-4); turn logits into "
                        + "probabilities with Probabilities.softmax");
        rejects(() -> ScoringRules.nll(new double[][] {{1.5, -.5}, {.3, .7}}, LABELS),
                "probabilities row 0 has 1.5 at class 0, expected a probability in [0, 1]");
        rejects(() -> CalibrationError.ece(new double[][] {{.6, .4}, {.2, .3, .5}}, LABELS),
                "probabilities row 1 has 3 classes but row 0 has 2, expected all rows of the same length");
        rejects(() -> CalibrationError.ece(new double[0][], new int[0]),
                "probabilities are empty, expected at least one row");
        rejects(() -> CalibrationError.ece(new double[][] {{1}}, new int[] {0}),
                "probabilities row 0 has 1 classes, expected at least 2");
    }

    @Test
    void labelsMustMatchRowsAndClasses() {
        rejects(() -> CalibrationError.ece(PROBABILITIES, new int[] {0}),
                "expected one label per row: 2 rows but 1 labels");
        rejects(() -> ScoringRules.nll(PROBABILITIES, new int[] {0, 2}),
                "label 1 is 2, expected a class index in [0, 1]");
        rejects(() -> ScoringRules.nll(new float[][] {{1, 2}}, new int[] {-1}),
                "label 0 is -1, expected a class index in [0, 1]");
    }

    @Test
    void logitsMustBeFinite() {
        rejects(() -> Probabilities.softmax(new float[][] {{1, Float.POSITIVE_INFINITY}}),
                "logits row 0 has Infinity at class 1, expected a finite number");
        rejects(() -> OodScores.energy(new float[][] {{Float.NaN, 0}}),
                "logits row 0 has NaN at class 0, expected a finite number");
    }

    @Test
    void binsAndConfidencesMustMakeSense() {
        rejects(() -> CalibrationError.ece(PROBABILITIES, LABELS, 0, Binning.EQUAL_WIDTH),
                "calibration needs at least 1 bin, got 0");
        rejects(() -> ReliabilityBins.of(new double[] {0.5, 1.2}, new boolean[2], 5, Binning.EQUAL_MASS),
                "confidence 1 is 1.2, expected a value in [0, 1]");
        rejects(() -> ReliabilityBins.of(new double[] {0.5}, new boolean[2], 5, Binning.EQUAL_MASS),
                "confidences and outcomes differ in length: 1 and 2");
        rejects(() -> new ReliabilityBins(Binning.EQUAL_WIDTH, 2, List.of(new ReliabilityBins.Bin(0, .5, 3, .4, .5)),
                4), "reliability bins need at least one bin and counts that add up to the total, got 1 bins holding "
                        + "3 of 4 samples");
    }

    @Test
    void oodScoresMustBeFiniteAndNonEmpty() {
        rejects(() -> OodMetrics.auroc(new double[0], new double[] {1}),
                "in-distribution scores are empty, expected at least one value");
        rejects(() -> OodMetrics.averagePrecision(new double[] {1}, new double[] {Double.NaN}),
                "out-of-distribution scores have NaN at index 0, expected finite numbers");
        rejects(() -> OodMetrics.fprAtTpr(new double[] {1}, new double[] {2}, 0),
                "true-positive rate must be in (0, 1], got 0.0");
    }

    static void rejects(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessage(message);
    }
}
