package dev.glassbox.djl.explain.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The mask methods' parts against direct computations: adjoint identity and finite differences. */
class MaskPartsTest {
    private static double[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble();
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void smoothMaskIsAnAveragingMapAndPullBackIsItsAdjoint() {
        SmoothMask generator = new SmoothMask(11, 7, 3, 2.5);
        assertThat(generator.gridRows()).isEqualTo(4);
        assertThat(generator.gridCols()).isEqualTo(3);
        double[] ones = new double[generator.parameterCount()];
        java.util.Arrays.fill(ones, 1);
        for (double v : generator.mask(ones)) {
            assertThat(v).isCloseTo(1, within(1e-12));
        }
        double[] p = random(generator.parameterCount(), 1);
        double[] g = random(generator.pixelCount(), 2);
        assertThat(dot(generator.mask(p), g)).isCloseTo(dot(p, generator.pullBack(g)), within(1e-10));
    }

    @Test
    void areaPenaltyIsZeroOnBinaryMasksOfTheAreaAndItsGradientMatchesFiniteDifferences() {
        AreaConstraint constraint = new AreaConstraint(0.25);
        double[] binary = new double[20];
        for (int i : new int[] {3, 7, 11, 19, 0}) {
            binary[i] = 1;
        }
        assertThat(constraint.addGradient(binary, 1, new double[20])).isZero();
        double[] m = random(20, 3);
        double[] gradient = new double[20];
        double value = constraint.addGradient(m, 1, gradient);
        // (1/N) Σ (sort(m) − r)², r = fifteen zeros then five ones, computed directly
        double[] sorted = m.clone();
        java.util.Arrays.sort(sorted);
        double direct = 0;
        for (int i = 0; i < 20; i++) {
            direct += Math.pow(sorted[i] - (i < 15 ? 0 : 1), 2) / 20;
        }
        assertThat(value).isCloseTo(direct, within(1e-12));
        checkFiniteDifferences(m, gradient, x -> constraint.addGradient(x, 1, new double[20]));
    }

    @Test
    void totalVariationMatchesItsDefinitionAndFiniteDifferences() {
        TotalVariation tv = new TotalVariation(4, 5, 3);
        double[] m = random(20, 4);
        double direct = 0;
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                double dy = m[(y + 1) * 5 + x] - m[y * 5 + x];
                double dx = m[y * 5 + x + 1] - m[y * 5 + x];
                direct += Math.pow(dy * dy + dx * dx, 1.5);
            }
        }
        double[] gradient = new double[20];
        assertThat(tv.addGradient(m, 1, gradient)).isCloseTo(direct, within(1e-12));
        checkFiniteDifferences(m, gradient, x -> tv.addGradient(x, 1, new double[20]));
    }

    @Test
    void bothGradientStepsDescendAQuadraticAndStayInTheUnitInterval() {
        for (GradientStep step : new GradientStep[] {GradientStep.momentum(2, 0.1, 0.9), GradientStep.adam(2, 0.05)}) {
            double[] p = {0.9, 0.1};
            double[] target = {0.3, 1.4};
            for (int t = 0; t < 2000; t++) {
                step.apply(p, new double[] {2 * (p[0] - target[0]), 2 * (p[1] - target[1])});
            }
            assertThat(p[0]).isCloseTo(0.3, within(1e-3));
            assertThat(p[1]).isEqualTo(1.0);
        }
    }

    private static void checkFiniteDifferences(double[] m, double[] gradient,
            java.util.function.ToDoubleFunction<double[]> f) {
        double h = 1e-6;
        for (int i = 0; i < m.length; i++) {
            double[] up = m.clone();
            double[] down = m.clone();
            up[i] += h;
            down[i] -= h;
            assertThat(gradient[i]).isCloseTo((f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h), within(1e-6));
        }
    }
}
