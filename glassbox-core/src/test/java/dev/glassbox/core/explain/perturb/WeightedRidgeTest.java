package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The weighted solver against closed forms. */
class WeightedRidgeTest {
    private static final double[][] X = {{0}, {1}, {2}, {3}, {5}};
    private static final double[] Y = {1, 2, 2, 4, 7};
    private static final double[] W = {1, 2, 1, 0.5, 3};

    @Test
    void oneFeatureRidgeMatchesTheClosedForm() {
        // β = Σw(x−x̄)(y−ȳ) / (Σw(x−x̄)² + α) with weighted means; b = ȳ − β x̄.
        double alpha = 0.7;
        double total = 0;
        double xBar = 0;
        double yBar = 0;
        for (int i = 0; i < Y.length; i++) {
            total += W[i];
            xBar += W[i] * X[i][0];
            yBar += W[i] * Y[i];
        }
        xBar /= total;
        yBar /= total;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < Y.length; i++) {
            sxy += W[i] * (X[i][0] - xBar) * (Y[i] - yBar);
            sxx += W[i] * (X[i][0] - xBar) * (X[i][0] - xBar);
        }
        double beta = sxy / (sxx + alpha);

        WeightedRidge.Fit fit = WeightedRidge.fit(X, Y, W, alpha);

        assertThat(fit.coefficients()[0]).isCloseTo(beta, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(yBar - beta * xBar, within(1e-12));
    }

    @Test
    void exactLinearDataIsRecoveredWithRSquaredOne() {
        double[][] x = {{1, 0, 2}, {0, 1, 1}, {1, 1, 0}, {2, 0, 1}, {0, 3, 1}, {1, 2, 2}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 4 + 1.5 * x[i][0] - 2 * x[i][1] + 0.5 * x[i][2];
        }
        WeightedRidge.Fit fit = WeightedRidge.fit(x, y, new double[] {1, 2, 3, 1, 2, 3}, 0);

        assertThat(fit.coefficients()).containsExactly(new double[] {1.5, -2, 0.5}, within(1e-10));
        assertThat(fit.intercept()).isCloseTo(4, within(1e-10));
        assertThat(fit.r2()).isCloseTo(1, within(1e-12));
    }

    @Test
    void theSumConstraintHoldsAndTheFixedInterceptIsKept() {
        WeightedRidge.Fit fit = WeightedRidge.fitWithSum(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {3, 1, 5},
                new double[] {1, 1, 1}, 1, 3);

        // Minimise (2−a)² + (0−b)² + (4−a−b)² with a + b = 3: a = 2.5, b = 0.5.
        assertThat(fit.coefficients()).containsExactly(new double[] {2.5, 0.5}, within(1e-12));
        assertThat(fit.intercept()).isEqualTo(1);
    }

    @Test
    void collinearColumnsStillGiveAFiniteFit() {
        double[][] x = {{1, 1}, {2, 2}, {3, 3}};
        WeightedRidge.Fit fit = WeightedRidge.fit(x, new double[] {2, 4, 6}, new double[] {1, 1, 1}, 0);

        assertThat(fit.coefficients()[0] + fit.coefficients()[1]).isCloseTo(2, within(1e-9));
        assertThat(fit.r2()).isCloseTo(1, within(1e-9));
    }

    @Test
    void aSingularConstrainedSystemStillMeetsItsSum() {
        // Columns 0 and 1 are equal, so only their sum is determined: it must be 3, column 2's weight 1, in all 4.
        double[][] x = {{1, 1, 0}, {0, 0, 1}, {1, 1, 1}, {2, 2, 1}};
        WeightedRidge.Fit fit = WeightedRidge.fitWithSum(x, new double[] {3, 1, 4, 7}, new double[] {1, 2, 1, 3}, 0, 4);

        assertThat(fit.coefficients()[0] + fit.coefficients()[1]).isCloseTo(3, within(1e-9));
        assertThat(fit.coefficients()[2]).isCloseTo(1, within(1e-9));
        assertThat(fit.r2()).isCloseTo(1, within(1e-9));
    }

    @Test
    void aConstantTargetFittedExactlyHasRSquaredOne() {
        WeightedRidge.Fit fit = WeightedRidge.fit(new double[][] {{0}, {1}}, new double[] {3, 3}, new double[] {1, 1}, 1);

        assertThat(fit.r2()).isEqualTo(1);
        assertThat(fit.intercept()).isCloseTo(3, within(1e-12));
    }
}
