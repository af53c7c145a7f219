package dev.glassbox.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {
    /** A rotation of 3-d space: 30° about z, then 45° about x. */
    private static final double[][] ROTATION = rotation();

    private static double[][] rotation() {
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        double r = Math.sqrt(0.5);
        double[][] aboutZ = {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
        double[][] aboutX = {{1, 0, 0}, {0, r, -r}, {0, r, r}};
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    out[i][j] += aboutX[i][k] * aboutZ[k][j];
                }
            }
        }
        return out;
    }

    private static float[] rotated(double... point) {
        float[] out = new float[3];
        for (int i = 0; i < 3; i++) {
            double sum = 10 * (i + 1); // a mean to remove
            for (int j = 0; j < 3; j++) {
                sum += ROTATION[i][j] * point[j];
            }
            out[i] = (float) sum;
        }
        return out;
    }

    @Test
    void exactPcaMatchesTheClosedFormOfACross() {
        // Points (±3, 0, 0) and (0, ±1, 0), rotated and shifted: variances 2·9/3 and 2·1/3 along R·e1 and R·e2.
        float[][] data = {rotated(3, 0, 0), rotated(-3, 0, 0), rotated(0, 1, 0), rotated(0, -1, 0)};

        PrincipalComponents pca = Pca.builder().components(2).solver(Pca.Solver.EXACT).build().fit(data);

        assertThat(pca.explainedVariance()).containsExactly(new double[] {6, 2.0 / 3}, within(1e-5));
        assertThat(pca.totalVariance()).isCloseTo(20.0 / 3, within(1e-5));
        assertThat(pca.explainedVarianceRatio()).containsExactly(new double[] {0.9, 0.1}, within(1e-6));
        assertThat(pca.mean()).containsExactly(new double[] {10, 20, 30}, within(1e-5));
        for (int c = 0; c < 2; c++) {
            double[] expected = {ROTATION[0][c], ROTATION[1][c], ROTATION[2][c]};
            assertThat(Math.abs(dot(pca.components()[c], expected))).isCloseTo(1, within(1e-6));
        }
        double[][] points = pca.project(data);
        assertThat(Math.abs(points[0][0])).isCloseTo(3, within(1e-5));
        assertThat(points[1][0]).isCloseTo(-points[0][0], within(1e-5));
        assertThat(Math.abs(points[2][1])).isCloseTo(1, within(1e-5));
        assertThat(points[2][0]).isCloseTo(0, within(1e-5));
    }

    @Test
    void randomisedPcaAgreesWithExactOnLowRankData() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 6000;
        int d = 40;
        double[][] basis = new double[5][d];
        for (double[] b : basis) {
            for (int j = 0; j < d; j++) {
                b[j] = random.nextGaussian();
            }
        }
        float[][] data = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 5; k++) {
                double weight = random.nextGaussian() * (5 - k);
                for (int j = 0; j < d; j++) {
                    data[i][j] += (float) (weight * basis[k][j]);
                }
            }
            for (int j = 0; j < d; j++) {
                data[i][j] += (float) (0.01 * random.nextGaussian());
            }
        }

        PrincipalComponents exact = Pca.builder().components(3).solver(Pca.Solver.EXACT).build().fit(data);
        PrincipalComponents randomised = Pca.builder().components(3).solver(Pca.Solver.RANDOMISED).seed(3).threads(1)
                .build().fit(data);
        PrincipalComponents onTwoThreads = Pca.builder().components(3).solver(Pca.Solver.RANDOMISED).seed(3)
                .threads(2).build().fit(data);

        for (int c = 0; c < 3; c++) {
            assertThat(randomised.explainedVariance()[c])
                    .isCloseTo(exact.explainedVariance()[c], within(1e-6 * exact.explainedVariance()[c]));
            assertThat(dot(randomised.components()[c], exact.components()[c])).isCloseTo(1, within(1e-6));
        }
        assertThat(onTwoThreads.components()).isDeepEqualTo(randomised.components());
        assertThat(onTwoThreads.explainedVariance()).containsExactly(randomised.explainedVariance());
    }

    @Test
    void embeddingReportsExplainedVariance() {
        float[][] data = {rotated(3, 0, 0), rotated(-3, 0, 0), rotated(0, 1, 0), rotated(0, -1, 0)};

        Embedding embedding = Pca.builder().build().embed(data);

        assertThat(embedding.method()).isEqualTo("pca");
        assertThat(embedding.dimensions()).isEqualTo(2);
        assertThat(embedding.diagnostics().get("explainedVarianceRatio")).isCloseTo(1, within(1e-6));
        assertThat(embedding.diagnostics().get("explainedVarianceRatio1")).isCloseTo(0.9, within(1e-6));
    }

    @Test
    void rejectsBadData() {
        Pca pca = Pca.builder().build();
        assertThatThrownBy(() -> pca.fit(new float[0][])).isInstanceOf(InvalidInputException.class)
                .hasMessage("the data is empty: expected at least 2 rows");
        assertThatThrownBy(() -> pca.fit(new float[][] {{1, 2}, {3}})).isInstanceOf(InvalidInputException.class)
                .hasMessage("row 1 of the data has 1 values but row 0 has 2: all rows must have the same length");
        assertThatThrownBy(() -> pca.fit(new float[][] {{1, 2}, {3, Float.NaN}}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("row 1 of the data holds NaN at column 1: data must be finite numbers");
        assertThatThrownBy(() -> Pca.builder().components(3).build().fit(new float[][] {{1, 2}, {3, 4}}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs at least as many rows");
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
