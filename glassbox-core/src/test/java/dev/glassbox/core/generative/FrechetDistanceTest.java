package dev.glassbox.core.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Fréchet distance against closed forms: diagonal, commuting and general 2×2 covariances, and sample moments. */
class FrechetDistanceTest {

    private static FeatureGaussian gaussian(double[] mean, double[][] covariance) {
        return new FeatureGaussian(mean, covariance, 2);
    }

    @Test
    void diagonalCovariancesGiveTheSumOfSquaredMeanAndDeviationDifferences() {
        // W₂² of independent coordinates: Σ (μ₁ − μ₂)² + (σ₁ − σ₂)²
        FeatureGaussian a = gaussian(new double[] {0, 1, -2}, new double[][] {{4, 0, 0}, {0, 1, 0}, {0, 0, 9}});
        FeatureGaussian b = gaussian(new double[] {1, 1, 0}, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 0.25}});
        double expected = 1 + 0 + 4 + (2 - 1) * (2 - 1) + 0 + (3 - 0.5) * (3 - 0.5);
        assertThat(FrechetDistance.between(a, b)).isCloseTo(expected, within(1e-10));
        assertThat(FrechetDistance.between(b, a)).isCloseTo(expected, within(1e-10));
        assertThat(FrechetDistance.between(a, a)).isCloseTo(0, within(1e-10));
    }

    @Test
    void commutingCovariancesInARotatedBasisGiveTheSameDistanceAsTheirEigenvalues() {
        // Σ = R diag(λ) Rᵀ with one rotation R for both: the distance is that of the diagonal matrices
        double t = 0.7;
        double[][] r = {{Math.cos(t), -Math.sin(t)}, {Math.sin(t), Math.cos(t)}};
        double[][] a = rotate(r, 5, 0.5);
        double[][] b = rotate(r, 2, 3);
        double expected = Math.pow(Math.sqrt(5) - Math.sqrt(2), 2) + Math.pow(Math.sqrt(0.5) - Math.sqrt(3), 2);
        assertThat(FrechetDistance.between(gaussian(new double[2], a), gaussian(new double[2], b)))
                .isCloseTo(expected, within(1e-10));
    }

    @Test
    void generalTwoByTwoCovariancesMatchTheTraceOfASquareRootInClosedForm() {
        // for a 2×2 matrix M with real non-negative eigenvalues, tr √M = √(tr M + 2√det M)
        double[][] a = {{2, 0.8}, {0.8, 1}};
        double[][] b = {{1, -0.3}, {-0.3, 0.5}};
        double trProduct = a[0][0] * b[0][0] + a[0][1] * b[1][0] + a[1][0] * b[0][1] + a[1][1] * b[1][1];
        double detProduct = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) * (b[0][0] * b[1][1] - b[0][1] * b[1][0]);
        double traceRoot = Math.sqrt(trProduct + 2 * Math.sqrt(detProduct));
        double expected = 0.5 * 0.5 + 1 + (2 + 1 + 1 + 0.5) - 2 * traceRoot;
        FeatureGaussian ga = gaussian(new double[] {0.5, 0}, a);
        FeatureGaussian gb = gaussian(new double[] {0, 1}, b);
        assertThat(FrechetDistance.between(ga, gb)).isCloseTo(expected, within(1e-10));
    }

    @Test
    void sampleMomentsAreTheMeanAndTheUnbiasedCovariance() {
        float[][] rows = {{1, 2}, {3, 2}, {2, 5}};
        FeatureGaussian g = FeatureGaussian.of(rows);
        assertThat(g.mean()).containsExactly(2, 3);
        // deviations (−1, −1), (1, −1), (0, 2): Σ = [[2, 0], [0, 6]] / 2
        assertThat(g.covariance()[0]).containsExactly(1, 0);
        assertThat(g.covariance()[1]).containsExactly(0, 3);
        assertThat(g.count()).isEqualTo(3);
    }

    @Test
    void samplesOfTwoGaussiansApproachTheirDistanceAndASampleFromOneApproachesZero() {
        SplittableRandom random = new SplittableRandom(7);
        float[][] a = new float[20000][];
        float[][] b = new float[20000][];
        float[][] c = new float[20000][];
        for (int i = 0; i < a.length; i++) {
            a[i] = new float[] {(float) normal(random), (float) (2 * normal(random))};
            b[i] = new float[] {(float) (1 + 3 * normal(random)), (float) (2 * normal(random))};
            c[i] = new float[] {(float) normal(random), (float) (2 * normal(random))};
        }
        assertThat(FrechetDistance.between(a, b)).isCloseTo(1 + 4, within(0.15));
        assertThat(FrechetDistance.between(a, c)).isBetween(0.0, 0.01);
    }

    @Test
    void refusesMismatchedDimensionsAndTooFewRows() {
        FeatureGaussian one = gaussian(new double[] {0}, new double[][] {{1}});
        FeatureGaussian two = gaussian(new double[2], new double[][] {{1, 0}, {0, 1}});
        assertThatThrownBy(() -> FrechetDistance.between(one, two)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 and 2 features");
        assertThatThrownBy(() -> FeatureGaussian.of(new float[][] {{1, 2}})).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> gaussian(new double[] {Double.NaN}, new double[][] {{1}}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
    }

    private static double[][] rotate(double[][] r, double l1, double l2) {
        double[][] out = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                out[i][j] = r[i][0] * l1 * r[j][0] + r[i][1] * l2 * r[j][1];
            }
        }
        return out;
    }

    private static double normal(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
