package dev.glassbox.djl.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.model.TorchScriptModel;
import org.junit.jupiter.api.Test;

class McDropoutTest {
    private static final Shape FIXTURE_IMAGE = Shape.of(1, 28, 28);

    @Test
    void blockModelKeepsBatchNormStatisticsAndSamplesAverageToTheDeterministicScores() {
        try (BlockModel model = Nets.batchNormDropoutCnn(0.3f)) {
            float[][] x = Nets.random(3, Nets.IMAGE.size(), 1);
            float[][] before = model.predict(x);
            SampledScores samples = McDropout.sample(model, x, 2000, 42, Progress.NONE);
            assertThat(model.predict(x)).isDeepEqualTo(before);
            assertDrawsDifferAndAverageTo(samples, before);
        }
    }

    @Test
    void torchScriptSplitModelKeepsBatchNormStatisticsAndSamplesAverageToTheDeterministicScores() {
        try (TorchScriptModel model = TorchScriptModel.loadSplit(TestFixtures.path("cnn.pt"),
                ModelOptions.withShape(FIXTURE_IMAGE))) {
            float[][] x = Nets.random(3, FIXTURE_IMAGE.size(), 2);
            float[][] before = model.predict(x);
            SampledScores samples = McDropout.sample(model, x, 2000, 42, Progress.NONE);
            assertThat(model.predict(x)).isDeepEqualTo(before);
            assertDrawsDifferAndAverageTo(samples, before);
        }
    }

    /** Passes differ, and their mean is within five standard errors of the deterministic scores. */
    private static void assertDrawsDifferAndAverageTo(SampledScores samples, float[][] deterministic) {
        assertThat(samples.scores()[0]).isNotEqualTo(samples.scores()[1]);
        double[][] mean = samples.mean();
        double[][] sd = samples.standardDeviation();
        for (int i = 0; i < deterministic.length; i++) {
            for (int k = 0; k < deterministic[i].length; k++) {
                double standardError = sd[i][k] / Math.sqrt(samples.passes());
                assertThat(sd[i][k]).isGreaterThan(0);
                assertThat(Math.abs(mean[i][k] - deterministic[i][k])).isLessThan(5 * standardError + 1e-5);
            }
        }
    }

    @Test
    void rateZeroGivesTheDeterministicScoresInEveryPass() {
        try (BlockModel model = Nets.batchNormDropoutCnn(0f)) {
            float[][] x = Nets.random(4, Nets.IMAGE.size(), 3);
            float[][] deterministic = model.predict(x);
            SampledScores samples = McDropout.sample(model, x, 5, 1, Progress.NONE);
            for (float[][] pass : samples.scores()) {
                for (int i = 0; i < x.length; i++) {
                    // other batch sizes may sum in another order: equal up to float rounding
                    assertThat(pass[i]).containsExactly(deterministic[i], within(1e-6f));
                }
            }
        }
    }

    @Test
    void sameSeedGivesTheSameDrawsAndAnotherSeedOthers() {
        try (TorchScriptModel script = TorchScriptModel.loadSplit(TestFixtures.path("cnn_features.pt"),
                TestFixtures.path("cnn_head.pt"), new ModelOptions(FIXTURE_IMAGE, null, 8));
                BlockModel block = Nets.batchNormDropoutCnn(0.5f)) {
            for (Model model : new Model[] {script, block}) {
                float[][] x = Nets.random(5, model.inputShape().size(), 4);
                float[][][] first = McDropout.sample(model, x, 7, 11, Progress.NONE).scores();
                assertThat(McDropout.sample(model, x, 7, 11, Progress.NONE).scores()).isDeepEqualTo(first);
                assertThat(McDropout.sample(model, x, 7, 12, Progress.NONE).scores()).isNotEqualTo(first);
                assertThat(McDropout.sample(model, x, 7, 11, Progress.NONE).probabilities().members()).isEqualTo(7);
            }
        }
    }

    @Test
    void modelsWithoutDropoutOrWithBatchNormInTrainModeAreRefused() {
        try (BlockModel mlp = Nets.mlp()) {
            assertThatThrownBy(() -> McDropout.sample(mlp, new float[][] {new float[4]}, 3, 1, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no dropout layer")
                    .hasMessageContaining("fc1, relu, fc2");
        }
        try (TorchScriptModel linear = TorchScriptModel.load(TestFixtures.path("linear.pt"),
                ModelOptions.withShape(Shape.of(4)))) {
            assertThatThrownBy(() -> McDropout.sample(linear, Nets.random(2, 4, 1), 3, 1, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no active dropout");
        }
        try (TorchScriptModel whole = TorchScriptModel.load(TestFixtures.path("cnn.pt"),
                ModelOptions.withShape(FIXTURE_IMAGE))) {
            float[][] x = Nets.random(2, FIXTURE_IMAGE.size(), 5);
            float[][] before = whole.predict(x);
            assertThatThrownBy(() -> McDropout.sample(whole, x, 3, 1, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("BatchNorm")
                    .hasMessageContaining("split");
            assertThat(whole.predict(x)).isDeepEqualTo(before);
        }
        Model function = FunctionModel.ofLogits(Shape.of(2), 2, batch -> batch);
        assertThatThrownBy(() -> McDropout.sample(function, new float[][] {{1, 2}}, 3, 1, Progress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a DJL block model");
    }

    @Test
    void badInputIsRefusedBeforeSampling() {
        try (BlockModel model = Nets.batchNormDropoutCnn(0.3f)) {
            float[][] x = Nets.random(2, Nets.IMAGE.size(), 6);
            x[1][7] = Float.NaN;
            assertThatThrownBy(() -> McDropout.sample(model, x, 3, 1, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("sample 1").hasMessageContaining("NaN");
            assertThatThrownBy(() -> McDropout.sample(model, Nets.random(1, Nets.IMAGE.size(), 1), 0, 1, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1");
        }
    }
}
