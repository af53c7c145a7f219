package dev.glassbox.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference weights from scikit-learn (scripts/make_tcav_references.py). */
class ConceptClassifierTest {

    /** The script's grid: row i, column k holds ((7i + 3k + seed) mod 11 − 5) / 4, plus {@code shift}. */
    static float[][] grid(int n, int d, int seed, float shift) {
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                rows[i][k] = ((i * 7 + k * 3 + seed) % 11 - 5) / 4f + shift;
            }
        }
        return rows;
    }

    @Test
    void matchesScikitLearnWithFewerDimensionsThanExamples() {
        ConceptClassifier fit = ConceptClassifier.fit(grid(6, 3, 1, 0), grid(5, 3, 4, 0.5f), 1.0);
        assertThat(fit.converged()).isTrue();
        assertClose(fit, new double[] {-0.7661981079481991, -0.5077469429035859, -0.7257340350218772},
                0.7416453396941041);
    }

    @Test
    void matchesScikitLearnWithMoreDimensionsThanExamples() {
        ConceptClassifier fit = ConceptClassifier.fit(grid(3, 10, 2, 0), grid(4, 10, 5, 0), 0.5);
        assertClose(fit, new double[] {0.11072204248851339, 0.023090318691682304, -0.17511029917880394,
            -0.3454377733486923, 0.11072204248851338, 0.023090318691682304, 0.2759604375071977, 0.11072204248851336,
            -0.43280988602748605, 0.023090318691682304}, -0.10324979718684661);
    }

    @Test
    void separatesSeparableExamplesAndPointsTowardsTheConcept() {
        float[][] concept = {{2, 0.1f}, {3, -0.2f}, {2.5f, 0.4f}};
        float[][] others = {{-2, 0.3f}, {-1.5f, -0.1f}, {-3, 0}};
        ConceptClassifier fit = ConceptClassifier.fit(concept, others, 10);
        assertThat(fit.accuracy(concept, others)).isEqualTo(1);
        assertThat(fit.weights()[0]).isPositive();
        assertThat(Math.abs(fit.weights()[1])).isLessThan(fit.weights()[0] / 5);
        assertThatThrownBy(() -> ConceptClassifier.fit(concept, new float[0][], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both kinds");
    }

    private static void assertClose(ConceptClassifier fit, double[] weights, double bias) {
        float[] w = fit.weights();
        for (int k = 0; k < weights.length; k++) {
            assertThat((double) w[k]).as("weight %d", k).isCloseTo(weights[k], within(1e-6));
        }
        assertThat(fit.bias()).isCloseTo(bias, within(1e-6));
    }
}
