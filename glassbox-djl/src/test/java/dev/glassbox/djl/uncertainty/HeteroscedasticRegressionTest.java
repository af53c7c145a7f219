package dev.glassbox.djl.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.RegressionTable;
import dev.glassbox.core.uncertainty.RegressionUncertainty;
import dev.glassbox.djl.zoo.MeanVarianceMlp;
import dev.glassbox.djl.zoo.RegressionTraining;
import dev.glassbox.djl.zoo.SavedRegressors;
import dev.glassbox.djl.zoo.Training;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mean–variance networks: the Gaussian NLL and its gradient against the closed form, a short training that learns a
 * known noise level, the ensemble's moments against its members' outputs, MC dropout's seeding, and a save/load round
 * trip.
 */
class HeteroscedasticRegressionTest {
    @TempDir
    Path dir;

    @Test
    void theLossAndItsGradientAreTheGaussianNll() {
        double[][] out = {{0.3, -0.7}, {1.2, 2.5}};
        double[] y = {1.0, -0.4};
        float[] gradient;
        float value;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray predictions = manager.create(new float[] {0.3f, -0.7f, 1.2f, 2.5f}, new Shape(2, 2));
            predictions.setRequiresGradient(true);
            NDArray labels = manager.create(new float[] {1.0f, -0.4f});
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray loss = new GaussianNllLoss().evaluate(new NDList(labels), new NDList(predictions));
                value = loss.getFloat();
                collector.backward(loss);
                gradient = predictions.getGradient().toFloatArray();
            }
        }
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double variance = Math.log1p(Math.exp(out[i][1])) + GaussianNllLoss.MIN_VARIANCE;
            double r = y[i] - out[i][0];
            expected += (0.5 * Math.log(2 * Math.PI * variance) + r * r / (2 * variance)) / 2;
            double sigmoid = 1 / (1 + Math.exp(-out[i][1]));
            assertThat(gradient[2 * i]).isCloseTo((float) (-r / variance / 2), within(1e-6f));
            assertThat(gradient[2 * i + 1]).isCloseTo(
                    (float) (0.5 * (1 / variance - r * r / (variance * variance)) * sigmoid / 2), within(1e-6f));
        }
        assertThat(value).isCloseTo((float) expected, within(1e-6f));
        assertThat(GaussianNllLoss.variance(-50)).isCloseTo(GaussianNllLoss.MIN_VARIANCE, within(1e-12));
        assertThat(GaussianNllLoss.variance(40)).isCloseTo(40 + GaussianNllLoss.MIN_VARIANCE, within(1e-9));
    }

    /** y = 2x − 1 + 0.5ε on x ∈ [−1, 1]: the noise standard deviation is 0.5 everywhere. */
    private static RegressionTable line(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) (2 * random.nextDouble() - 1);
            y[i] = 2 * x[i][0] - 1 + 0.5 * random.nextGaussian();
        }
        return new RegressionTable(List.of("x"), x, y);
    }

    @Test
    void aShortTrainingLearnsTheNoiseAndTheEnsembleCombinesItsMembers() {
        RegressionTable data = line(512, 3);
        float[][] probe = {{-0.5f}, {0f}, {0.5f}};
        try (HeteroscedasticRegressor regressor = RegressionTraining.train(data,
                new Training.Settings(40, 64, 1e-2f, 7), 2, Progress.NONE)) {
            RegressionUncertainty u = regressor.predict(probe);
            for (int i = 0; i < probe.length; i++) {
                assertThat(u.mean()[i]).isCloseTo(2 * probe[i][0] - 1, within(0.15));
                // a short training: the networks' noise is near 0.5 (at initialisation it is near 1.2, the target's spread)
                assertThat(Math.sqrt(u.aleatoric()[i])).isCloseTo(0.5, within(0.2));
                assertThat(u.epistemic()[i]).isGreaterThan(0);
            }
            // the moments of the members' own Gaussians, each decoded by hand
            float[][] x = regressor.standardisation().inputs(probe);
            float[][] a = regressor.members().get(0).predict(x);
            float[][] b = regressor.members().get(1).predict(x);
            double scale = regressor.standardisation().targetStd();
            for (int i = 0; i < probe.length; i++) {
                double ma = regressor.standardisation().mean(a[i][0]);
                double mb = regressor.standardisation().mean(b[i][0]);
                assertThat(u.mean()[i]).isCloseTo((ma + mb) / 2, within(1e-6));
                assertThat(u.epistemic()[i]).isCloseTo((ma - mb) * (ma - mb) / 4, within(1e-6));
                assertThat(u.aleatoric()[i]).isCloseTo(scale * scale * (GaussianNllLoss.variance(a[i][1])
                        + GaussianNllLoss.variance(b[i][1])) / 2, within(1e-6));
            }
            RegressionUncertainty sampled = regressor.mcDropout(probe, 50, 9, Progress.NONE);
            assertThat(regressor.mcDropout(probe, 50, 9, Progress.NONE).epistemic()).containsExactly(
                    sampled.epistemic());
            assertThat(sampled.epistemic()[1]).isGreaterThan(u.epistemic()[1]);

            Path saved = dir.resolve("regressor");
            SavedRegressors.save(regressor, "a line", 7, 40, java.util.Map.of("testNll", 1.0), saved);
            try (HeteroscedasticRegressor loaded = SavedRegressors.load(saved, 64)) {
                assertThat(loaded.predict(probe).mean()).containsExactly(u.mean());
                assertThat(loaded.predict(probe).aleatoric()).containsExactly(u.aleatoric());
                assertThat(SavedRegressors.metrics(saved)).containsEntry("testNll", 1.0);
            }
        }
    }

    @Test
    void aPlainNetworkHasNoDropoutToSampleAndLoadsAsPlain() {
        float[][] probe = {{0.25f}};
        try (HeteroscedasticRegressor plain = RegressionTraining.train(line(128, 5), MeanVarianceMlp.PLAIN_NAME,
                new Training.Settings(2, 64, 1e-2f, 3), 1, Progress.NONE)) {
            assertThatThrownBy(() -> plain.mcDropout(probe, 5, 1, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no dropout layer");
            Path saved = dir.resolve("plain");
            SavedRegressors.save(plain, "a line", 3, 2, java.util.Map.of(), saved);
            try (HeteroscedasticRegressor loaded = SavedRegressors.load(saved, 64)) {
                assertThat(loaded.predict(probe).mean()).containsExactly(plain.predict(probe).mean());
                assertThat(loaded.members().get(0).layerNames()).doesNotContain("drop1");
            }
        }
        assertThatThrownBy(() -> RegressionTraining.train(line(8, 1), "fashion-cnn",
                new Training.Settings(1, 8, 1e-2f, 3), 1, Progress.NONE)).isInstanceOf(InvalidInputException.class);
    }
}
