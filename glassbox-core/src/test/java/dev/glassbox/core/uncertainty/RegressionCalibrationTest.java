package dev.glassbox.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.StandardNormal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Regression calibration against closed forms: residuals placed on the standard normal's quantile grid make the
 * observed coverage of every central interval {@code 2Φ(σ·Φ⁻¹((1 + p)/2)) − 1} when the predictions claim a standard
 * deviation of σ (to within 1/n), so the curve, its area, the NLL and the σ-scaling factor are known in advance.
 */
class RegressionCalibrationTest {
    private static final int N = 20_000;

    /** Targets {@code 3 + z_i} with {@code z_i} the standard normal's (i + ½)/n quantiles, predicted N(3, σ²). */
    private static GaussianPredictions quantileGrid(double sigma) {
        double[] targets = new double[N];
        double[] means = new double[N];
        double[] stds = new double[N];
        for (int i = 0; i < N; i++) {
            targets[i] = 3 + StandardNormal.quantile((i + 0.5) / N);
            means[i] = 3;
            stds[i] = sigma;
        }
        return new GaussianPredictions(targets, means, stds);
    }

    @Test
    void theQuantileFunctionMatchesScipy() {
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(StandardNormal.quantile(0.3)).isCloseTo(-0.5244005127080407, within(1e-14));
        assertThat(StandardNormal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
        assertThat(StandardNormal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(StandardNormal.cdf(StandardNormal.quantile(0.8))).isCloseTo(0.8, within(1e-7));
    }

    @Test
    void anOverconfidentModelsCurveAreaAndNllFollowTheClosedForm() {
        double sigma = 0.5;
        RegressionCalibration calibration = RegressionCalibration.of(quantileGrid(sigma));
        double[] expected = calibration.expected();
        double[] observed = calibration.observed();
        assertThat(expected).hasSize(100);
        double[] truth = new double[expected.length];
        for (int k = 0; k < expected.length; k++) {
            truth[k] = 2 * StandardNormal.cdf(sigma * StandardNormal.quantile(0.5 + expected[k] / 2)) - 1;
            assertThat(observed[k]).as("level %s", expected[k]).isCloseTo(truth[k], within(1.5 / N + 1e-6));
        }
        // the area of the exact curve, by fine trapezoids (the curve stays below the diagonal: no crossings)
        double area = 0;
        int steps = 200_000;
        for (int s = 0; s < steps; s++) {
            double p = (s + 0.5) / steps;
            area += (p - (2 * StandardNormal.cdf(sigma * StandardNormal.quantile(0.5 + p / 2)) - 1)) / steps;
        }
        // the 100-level piecewise-linear curve differs from the smooth one by its chords' sag, well under 1e-3
        assertThat(calibration.miscalibrationArea()).isCloseTo(area, within(1e-3));
        assertThat(calibration.miscalibrationArea()).isCloseTo(RegressionCalibration.area(expected, truth),
                within(2.0 / N));
        double meanSquare = Arrays.stream(quantileGrid(1).targets()).map(t -> (t - 3) * (t - 3)).average()
                .orElseThrow();
        assertThat(calibration.negativeLogLikelihood()).isCloseTo(
                0.5 * Math.log(2 * Math.PI) + Math.log(sigma) + meanSquare / (2 * sigma * sigma), within(1e-12));
        assertThat(calibration.sharpness()).isCloseTo(sigma, within(1e-12));
    }

    @Test
    void theAreaSplitsStepsWhereTheCurveCrossesTheDiagonal() {
        assertThat(RegressionCalibration.area(new double[] {0, 0.5, 1}, new double[] {0, 1, 1}))
                .isCloseTo(0.25, within(1e-15));
        // gaps +0.2 and −0.2: two triangles of base ½ and height 0.2
        assertThat(RegressionCalibration.area(new double[] {0, 1}, new double[] {0.2, 0.8}))
                .isCloseTo(0.1, within(1e-15));
        assertThat(RegressionCalibration.of(quantileGrid(1)).miscalibrationArea()).isLessThan(1e-3);
    }

    @Test
    void sigmaScalingRestoresNominalCoverage() {
        GaussianPredictions overconfident = quantileGrid(0.5);
        assertThat(RegressionCalibration.coverage(overconfident, 0.9))
                .isCloseTo(2 * StandardNormal.cdf(0.5 * 1.6448536269514722) - 1, within(1e-4));
        SigmaScaling scaling = SigmaScaling.fit(overconfident);
        assertThat(scaling.factor()).isCloseTo(2, within(2e-3));
        GaussianPredictions recalibrated = scaling.apply(overconfident);
        assertThat(RegressionCalibration.coverage(recalibrated, 0.9)).isCloseTo(0.9, within(1e-3));
        RegressionCalibration after = RegressionCalibration.of(recalibrated);
        assertThat(after.miscalibrationArea()).isLessThan(1e-3);
        assertThat(after.negativeLogLikelihood())
                .isLessThan(RegressionCalibration.of(overconfident).negativeLogLikelihood());
        assertThat(after.observedAt(0.9)).isCloseTo(0.9, within(2e-3));
    }

    @Test
    void badPredictionsAreRefusedInOneLine() {
        assertThatThrownBy(() -> new GaussianPredictions(new double[] {1, 2}, new double[] {1, 2},
                new double[] {1, 0})).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("standard deviation 1 is 0.0");
        assertThatThrownBy(() -> new GaussianPredictions(new double[] {1}, new double[] {Double.NaN},
                new double[] {1})).isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new GaussianPredictions(new double[] {1, 2}, new double[] {1}, new double[] {1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("differ in length");
        assertThatThrownBy(() -> SigmaScaling.fit(new GaussianPredictions(new double[] {1}, new double[] {1},
                new double[] {1}))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RegressionCalibration.coverage(quantileGrid(1), 1.5))
                .isInstanceOf(InvalidInputException.class);
    }
}
