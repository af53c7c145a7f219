package dev.glassbox.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class CorrelationTest {
    private static final double[] A = {1, 2, 3, 4, 5};
    private static final double[] B = {2, 4, 5, 4, 5};

    @Test
    void pearsonByHand() {
        // deviations −2..2 and (−2, 0, 1, 0, 1): 6 / √(10 · 6)
        assertThat(Correlation.pearson(A, B)).isCloseTo(6 / Math.sqrt(60), within(1e-12));
    }

    @Test
    void tiesShareTheAverageOfTheirRanks() {
        assertThat(Correlation.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
        assertThat(Correlation.ranks(B)).containsExactly(1, 2.5, 4.5, 2.5, 4.5);
    }

    @Test
    void spearmanByHandWithTies() {
        // ranks (1..5) and (1, 2.5, 4.5, 2.5, 4.5): covariance 7, variances 10 and 9
        assertThat(Correlation.spearman(A, B)).isCloseTo(7 / Math.sqrt(90), within(1e-12));
    }

    @Test
    void spearmanOfMagnitudesIgnoresSigns() {
        double[] a = {-3, 1, 2};
        double[] b = {3, 1, 2};
        assertThat(Correlation.spearmanOfMagnitudes(a, b)).isCloseTo(1, within(1e-12));
        // signed ranks (1, 2, 3) and (3, 1, 2): covariance −1, variances 2 and 2
        assertThat(Correlation.spearman(a, b)).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void monotoneMapsHaveRankCorrelationOneButNotPearsonOne() {
        double[] a = {1, 2, 3, 4};
        double[] cubes = {1, 8, 27, 64};
        assertThat(Correlation.spearman(a, cubes)).isEqualTo(1);
        assertThat(Correlation.pearson(a, cubes)).isLessThan(0.99);
        assertThat(Correlation.spearman(a, new double[] {4, 3, 2, 1})).isEqualTo(-1);
    }

    @Test
    void aConstantMapCorrelatesWithNothing() {
        assertThat(Correlation.pearson(new double[] {2, 2, 2}, new double[] {1, 2, 3})).isZero();
        assertThat(Correlation.spearman(new double[] {0, 0, 0}, new double[] {0, 0, 0})).isZero();
    }

    @Test
    void refusesBadMaps() {
        assertThatThrownBy(() -> Correlation.pearson(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 and 3");
        assertThatThrownBy(() -> Correlation.pearson(new double[] {1}, new double[] {1}))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Correlation.pearson(new double[0], new double[0]))
                .isInstanceOf(InvalidInputException.class);
    }
}
