package dev.glassbox.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationTest {
    private static final float[][] SCORES = {{0, 1}, {0, 1}, {1, 0}, {1, 0}, {0, 1}};

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        int[] labels = {1, 0, 1, 0, 1};
        // spam: TP 2, FP 1, FN 1 → precision 2/3, recall 2/3
        assertThat(Classification.f1(SCORES, labels, 1)).isCloseTo(2.0 / 3, within(1e-12));
        // ham: TP 1, FP 1, FN 1
        assertThat(Classification.f1(SCORES, labels, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(Classification.accuracy(SCORES, labels)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void aClassNeitherPresentNorPredictedScoresZero() {
        assertThat(Classification.f1(new float[][] {{1, 0, 0}}, new int[] {0}, 2)).isZero();
    }
}
