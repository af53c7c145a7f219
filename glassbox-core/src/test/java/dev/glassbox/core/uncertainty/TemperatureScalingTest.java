package dev.glassbox.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    @Test
    void recoversTheTemperatureTheLabelsWereDrawnWith() {
        Synthetic.Logits data = Synthetic.logits(50_000, 10, 3, 2.5, 1);

        TemperatureScaling scaling = TemperatureScaling.fit(data.logits(), data.labels());

        assertThat(scaling.temperature()).isCloseTo(2.5, within(0.1));
        assertThat(scaling.description()).startsWith("temperature scaling (T = 2.");
    }

    @Test
    void findsTheMinimumAndNeverIncreasesNll() {
        for (double trueTemperature : new double[] {0.5, 1, 2.5}) {
            Synthetic.Logits data = Synthetic.logits(5_000, 6, 2, trueTemperature, 2);

            TemperatureScaling scaling = TemperatureScaling.fit(data.logits(), data.labels());
            CalibrationFit fit = scaling.summary();

            assertThat(fit.after().nll()).isLessThanOrEqualTo(fit.before().nll() + 1e-12);
            assertThat(fit.before().nll()).isCloseTo(ScoringRules.nll(data.logits(), data.labels()), within(1e-9));
            assertThat(fit.after().nll()).isCloseTo(ScoringRules.nll(divide(data.logits(), scaling.temperature()),
                    data.labels()), within(1e-9));
            for (double nearby : new double[] {0.99, 1.01}) {
                assertThat(ScoringRules.nll(divide(data.logits(), scaling.temperature() * nearby), data.labels()))
                        .isGreaterThan(fit.after().nll());
            }
        }
    }

    @Test
    void reducesTheEceOfOverConfidentLogitsSeveralFold() {
        Synthetic.Logits validation = Synthetic.logits(20_000, 10, 1, 1, 3);
        Synthetic.Logits test = Synthetic.logits(20_000, 10, 1, 1, 4);
        float[][] overConfidentValidation = divide(validation.logits(), 1 / 3.0);
        float[][] overConfidentTest = divide(test.logits(), 1 / 3.0);

        TemperatureScaling scaling = TemperatureScaling.fit(overConfidentValidation, validation.labels());
        double before = CalibrationError.ece(Probabilities.softmax(overConfidentTest), test.labels());
        double after = CalibrationError.ece(scaling.probabilities(overConfidentTest), test.labels());

        assertThat(scaling.temperature()).isCloseTo(3, within(0.15));
        assertThat(before).isGreaterThan(0.1);
        assertThat(after).isLessThan(before / 5);
        assertThat(scaling.summary().after().ece()).isLessThan(scaling.summary().before().ece() / 5);
    }

    @Test
    void keepsEveryPrediction() {
        Synthetic.Logits data = Synthetic.logits(2_000, 5, 2, 0.7, 5);

        TemperatureScaling scaling = TemperatureScaling.fit(data.logits(), data.labels());

        assertThat(Probabilities.predictions(scaling.probabilities(data.logits())))
                .containsExactly(Probabilities.predictions(Probabilities.softmax(data.logits())));
        assertThat(scaling.summary().after().accuracy()).isEqualTo(scaling.summary().before().accuracy());
    }

    @Test
    void theSameDataGivesTheSameTemperature() {
        Synthetic.Logits first = Synthetic.logits(3_000, 4, 2, 1.5, 6);
        Synthetic.Logits second = Synthetic.logits(3_000, 4, 2, 1.5, 6);

        assertThat(TemperatureScaling.fit(first.logits(), first.labels()).temperature())
                .isEqualTo(TemperatureScaling.fit(second.logits(), second.labels()).temperature());
    }

    @Test
    void rejectsDataWithoutAFiniteTemperature() {
        InvalidInputTest.rejects(() -> TemperatureScaling.fit(new float[][] {{3, 1}, {0, 2}}, new int[] {0, 1}),
                "temperature scaling needs validation samples the model gets wrong: every label has its row's "
                        + "highest logit, so the NLL keeps falling as T → 0");
        InvalidInputTest.rejects(() -> TemperatureScaling.fit(new float[][] {{1, 3}, {2, 0}}, new int[] {0, 1}),
                "temperature scaling found the labels' logits no higher than their rows' means on average: the "
                        + "logits say nothing about these labels, so no finite temperature fits");
        InvalidInputTest.rejects(() -> TemperatureScaling.fit(new float[][] {{1, 3}}, new int[] {0, 1}),
                "expected one label per row: 1 rows but 2 labels");
    }

    static float[][] divide(float[][] logits, double temperature) {
        float[][] out = new float[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = new float[logits[i].length];
            for (int k = 0; k < logits[i].length; k++) {
                out[i][k] = (float) (logits[i][k] / temperature);
            }
        }
        return out;
    }
}
