package dev.glassbox.core.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The marginal likelihood's gradient, hyperparameter fitting, predictive gradients and the jitter ladder. */
class GaussianProcessTest {

    private static double[][] points(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextDouble();
            }
        }
        return x;
    }

    private static double[] values(double[][] x, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(4 * x[i][0]) + x[i][x[i].length - 1] * x[i][x[i].length - 1] + 0.05 * random.nextGaussian();
        }
        return y;
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferences() {
        double[][] x = points(20, 3, 1);
        double[] y = values(x, 2);
        for (CovarianceKernel kernel : CovarianceKernel.values()) {
            MarginalLikelihood likelihood = new MarginalLikelihood(kernel, x, y);
            double[] theta = {Math.log(0.4), Math.log(0.9), Math.log(1.7), Math.log(1.3), Math.log(0.02)};
            double[] gradient = new double[theta.length];
            likelihood.evaluate(theta, gradient);
            for (int p = 0; p < theta.length; p++) {
                double h = 1e-5;
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[p] += h;
                minus[p] -= h;
                double numeric = (likelihood.evaluate(plus, null) - likelihood.evaluate(minus, null)) / (2 * h);
                assertThat(gradient[p]).as(kernel + " parameter " + p).isCloseTo(numeric,
                        within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void predictiveGradientsMatchFiniteDifferences() {
        double[][] x = points(15, 2, 3);
        double[] y = values(x, 4);
        for (CovarianceKernel kernel : CovarianceKernel.values()) {
            GpPosterior posterior = GaussianProcess.builder().kernel(kernel).seed(5).build().fit(x, y);
            double[] point = {0.37, 0.61};
            double[] dm = new double[2];
            double[] ds = new double[2];
            posterior.predictScaled(point, dm, ds);
            for (int j = 0; j < 2; j++) {
                double h = 1e-6;
                double[] plus = point.clone();
                double[] minus = point.clone();
                plus[j] += h;
                minus[j] -= h;
                GpPrediction a = posterior.predictScaled(plus, null, null);
                GpPrediction b = posterior.predictScaled(minus, null, null);
                assertThat(dm[j]).as(kernel + " mean").isCloseTo((a.mean() - b.mean()) / (2 * h), within(1e-5));
                assertThat(ds[j]).as(kernel + " std").isCloseTo((a.std() - b.std()) / (2 * h), within(1e-5));
            }
        }
    }

    @Test
    void fittingRaisesTheMarginalLikelihoodAndFindsTheRelevantInputs() {
        double[][] x = points(40, 3, 7);
        double[] y = new double[x.length];
        SplittableRandom noise = new SplittableRandom(8);
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(5 * x[i][0]) + 0.01 * noise.nextGaussian();  // only the first input matters
        }
        GaussianProcess.Builder builder = GaussianProcess.builder().kernel(CovarianceKernel.RBF).seed(3);
        GpPosterior fitted = builder.build().fit(x, y);
        GpHyperparameters start = new GpHyperparameters(new double[] {0.3, 0.3, 0.3}, 1, 1e-4);
        GpPosterior fixed = GaussianProcess.builder().kernel(CovarianceKernel.RBF).hyperparameters(start)
                .fitHyperparameters(false).build().fit(x, y);
        assertThat(fitted.logMarginalLikelihood()).isGreaterThan(fixed.logMarginalLikelihood());
        double[] lengths = fitted.hyperparameters().lengthScales();
        assertThat(lengths[1]).isGreaterThan(5 * lengths[0]);
        assertThat(lengths[2]).isGreaterThan(5 * lengths[0]);
        assertThat(Math.sqrt(fitted.hyperparameters().noiseVariance())).isLessThan(0.1);
        GpPosterior again = builder.build().fit(x, y);
        assertThat(again.hyperparameters()).isEqualTo(fitted.hyperparameters());
        GpPrediction p = fitted.predict(new double[] {0.3, 0.5, 0.5});
        assertThat(p.mean()).isCloseTo(Math.sin(1.5), within(0.05));
    }

    @Test
    void duplicatedPointsWithoutNoiseUseJitterOrFailClearly() {
        double[][] x = {{0.1}, {0.1}, {0.5}};
        double[] y = {1, 1, 2};
        GpHyperparameters tiny = new GpHyperparameters(new double[] {0.3}, 1, 1e-300);
        GpPosterior posterior = GaussianProcess.builder().hyperparameters(tiny).fitHyperparameters(false)
                .normaliseInputs(false).build().fit(x, y);
        assertThat(posterior.jitter()).isPositive();
        org.ejml.data.DMatrixRMaj indefinite = new org.ejml.data.DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});
        assertThatThrownBy(() -> JitteredCholesky.factor(indefinite))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> GaussianProcess.builder().build().fit(new double[][] {{Double.NaN}}, new double[] {1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("finite");
    }
}
