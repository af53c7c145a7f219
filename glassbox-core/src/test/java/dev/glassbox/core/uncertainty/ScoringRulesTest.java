package dev.glassbox.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScoringRulesTest {

    @Test
    void uniformPredictionsScoreLogKAndOneMinusOneOverK() {
        int classes = 7;
        double[][] uniform = new double[3][classes];
        for (double[] row : uniform) {
            Arrays.fill(row, 1.0 / classes);
        }
        int[] labels = {0, 3, 6};

        assertThat(ScoringRules.nll(uniform, labels)).isCloseTo(Math.log(classes), within(1e-12));
        assertThat(ScoringRules.nll(new float[3][classes], labels)).isCloseTo(Math.log(classes), within(1e-12));
        assertThat(ScoringRules.brier(uniform, labels)).isCloseTo(1 - 1.0 / classes, within(1e-12));
    }

    @Test
    void scoresMatchClosedFormsOnSmallCases() {
        double[][] probabilities = {{.7, .2, .1}, {.25, .25, .5}};
        int[] labels = {0, 1};

        assertThat(ScoringRules.nll(probabilities, labels))
                .isCloseTo(-(Math.log(.7) + Math.log(.25)) / 2, within(1e-12));
        // (0.3² + 0.2² + 0.1²) and (0.25² + 0.75² + 0.5²), averaged
        assertThat(ScoringRules.brier(probabilities, labels)).isCloseTo((0.14 + 0.875) / 2, within(1e-12));
    }

    @Test
    void confidentPredictionsScoreTheExtremes() {
        double[][] oneHot = {{1, 0}, {0, 1}};

        assertThat(ScoringRules.brier(oneHot, new int[] {0, 1})).isZero();
        assertThat(ScoringRules.brier(oneHot, new int[] {1, 0})).isEqualTo(2);
        assertThat(ScoringRules.nll(oneHot, new int[] {0, 1})).isZero();
        assertThat(ScoringRules.nll(oneHot, new int[] {1, 0})).isCloseTo(-Math.log(ScoringRules.MIN_PROBABILITY),
                within(1e-9));
    }

    @Test
    void nllOfLogitsAgreesWithNllOfTheirSoftmaxAndStaysFiniteForHugeLogits() {
        Synthetic.Logits data = Synthetic.logits(500, 6, 4, 1, 5);

        assertThat(ScoringRules.nll(data.logits(), data.labels()))
                .isCloseTo(ScoringRules.nll(Probabilities.softmax(data.logits()), data.labels()), within(1e-9));
        assertThat(ScoringRules.nll(new float[][] {{1000f, -1000f}}, new int[] {1})).isCloseTo(2000, within(1e-9));
    }
}
