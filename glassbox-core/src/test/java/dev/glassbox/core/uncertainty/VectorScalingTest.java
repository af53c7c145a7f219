package dev.glassbox.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.math.Vectors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorScalingTest {
    private static final double[] SCALES = {0.5, 1.0, 1.5, 0.8};
    private static final double[] BIASES = {0.4, -0.3, 0.1, -0.2};

    @Test
    void recoversTheScalesAndBiasesTheLabelsWereDrawnWith() {
        Synthetic.Logits data = drawnWith(SCALES, BIASES, 40_000, 1);

        VectorScaling scaling = VectorScaling.fit(data.logits(), data.labels());

        assertThat(scaling.scales()).containsExactly(SCALES, within(0.05));
        assertThat(scaling.biases()).containsExactly(BIASES, within(0.05));
        assertThat(scaling.description()).isEqualTo("vector scaling (4 scales and biases)");
    }

    @Test
    void fitsAtLeastAsWellAsTemperatureScalingWhichItContains() {
        Synthetic.Logits data = drawnWith(SCALES, BIASES, 5_000, 2);

        CalibrationFit vector = VectorScaling.fit(data.logits(), data.labels()).summary();
        CalibrationFit temperature = TemperatureScaling.fit(data.logits(), data.labels()).summary();

        assertThat(vector.before()).isEqualTo(temperature.before());
        assertThat(vector.after().nll()).isLessThan(temperature.after().nll()).isLessThan(vector.before().nll());
        assertThat(vector.iterations()).isBetween(1, 30);
    }

    @Test
    void reducesTheEceOfOverConfidentLogits() {
        Synthetic.Logits validation = Synthetic.logits(10_000, 5, 1, 1.0 / 3, 3);
        Synthetic.Logits test = Synthetic.logits(10_000, 5, 1, 1.0 / 3, 4);

        VectorScaling scaling = VectorScaling.fit(validation.logits(), validation.labels());
        double before = CalibrationError.ece(Probabilities.softmax(test.logits()), test.labels());
        double after = CalibrationError.ece(scaling.probabilities(test.logits()), test.labels());

        assertThat(after).isLessThan(before / 5);
    }

    @Test
    void staysFiniteWhenAClassNeverOccurs() {
        Synthetic.Logits data = drawnWith(SCALES, BIASES, 2_000, 5);
        int[] withoutClassThree = data.labels().clone();
        for (int i = 0; i < withoutClassThree.length; i++) {
            withoutClassThree[i] = withoutClassThree[i] == 3 ? 0 : withoutClassThree[i];
        }

        VectorScaling scaling = VectorScaling.fit(data.logits(), withoutClassThree);

        double[] biases = scaling.biases();
        assertThat(biases[3]).isFinite().isLessThan(-1);
        assertThat(biases[0] + biases[1] + biases[2] + biases[3]).isCloseTo(0, within(1e-6));
    }

    @Test
    void rejectsLogitsOfAnotherWidthAndNonPositivePenalties() {
        Synthetic.Logits data = drawnWith(SCALES, BIASES, 500, 6);
        VectorScaling scaling = VectorScaling.fit(data.logits(), data.labels());

        InvalidInputTest.rejects(() -> scaling.probabilities(new float[][] {{1, 2, 3}}),
                "vector scaling was fitted on 4 classes, got logits with 3");
        InvalidInputTest.rejects(() -> VectorScaling.fit(data.logits(), data.labels(), 0),
                "vector scaling needs a positive finite ridge penalty, got 0.0");
    }

    /** Gaussian logits with labels drawn from {@code softmax(scales ⊙ z + biases)}. */
    private static Synthetic.Logits drawnWith(double[] scales, double[] biases, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] logits = new float[n][scales.length];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] calibrated = new double[scales.length];
            for (int k = 0; k < scales.length; k++) {
                logits[i][k] = (float) (2 * Synthetic.gaussian(random));
                calibrated[k] = scales[k] * logits[i][k] + biases[k];
            }
            labels[i] = Synthetic.draw(Vectors.softmax(calibrated), random);
        }
        return new Synthetic.Logits(logits, labels);
    }
}
