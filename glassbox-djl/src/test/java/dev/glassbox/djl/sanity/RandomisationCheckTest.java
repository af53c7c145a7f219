package dev.glassbox.djl.sanity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.metrics.SimilarityMetric;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.model.TorchScriptModel;
import dev.glassbox.djl.explain.ClassActivationMap;
import dev.glassbox.djl.explain.Saliency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomisationCheckTest {

    private static Map<String, Explainer> gradients(BlockModel model) {
        Map<String, Explainer> explainers = new LinkedHashMap<>();
        explainers.put("saliency", Saliency.gradients(model, false));
        explainers.put("ixg", Saliency.timesInput(model));
        return explainers;
    }

    @Test
    void theGradientOfARandomisedLinearModelNoLongerResemblesTheOriginalButGradientTimesInputDoes() {
        // saliency of a linear model is its weight row: re-drawn independently, its ranks are unrelated to the
        // original's. Gradient × input keeps the input's zeros, so its magnitudes still rank alike (Adebayo et al.)
        float[][] x = SanityNets.images(3, 2);
        try (BlockModel model = SanityNets.linear()) {
            RandomisationResult result = RandomisationCheck.of(model, gradients(model)).seed(4).build()
                    .run(x, Target.index(1), Progress.NONE);
            assertThat(result.layers()).containsExactly("fc");
            for (SimilarityMetric metric : SimilarityMetric.values()) {
                assertThat(result.meanSimilarity("saliency", metric, 0)).as(metric.cliName()).isCloseTo(1, within(1e-9));
            }
            assertThat(Math.abs(result.meanSimilarity("saliency", SimilarityMetric.SPEARMAN, 1))).isLessThan(0.3);
            assertThat(Math.abs(result.meanSimilarity("saliency", SimilarityMetric.SPEARMAN_ABS, 1))).isLessThan(0.3);
            assertThat(result.meanSimilarity("ixg", SimilarityMetric.SPEARMAN_ABS, 1)).isGreaterThan(0.6);
            assertThat(result.targets()).containsOnly(1);
        }
    }

    @Test
    void cascadingGoesFromTheTopDownAndTheModelIsWholeAfterwards() {
        float[][] x = SanityNets.images(4, 3);
        try (BlockModel model = SanityNets.cnn()) {
            float[][] before = model.predict(x);
            Map<String, Explainer> explainers = gradients(model);
            explainers.put("gradcam", ClassActivationMap.gradCam(model, "relu", false, null));
            RandomisationResult result = RandomisationCheck.of(model, explainers).seed(1).build()
                    .run(x, Target.PREDICTED, Progress.NONE);
            assertThat(result.layers()).containsExactly("fc", "bn", "conv");
            assertThat(result.steps()).isEqualTo(4);
            assertThat(result.maps().get("saliency")).hasSize(4).allSatisfy(step -> assertThat(step).hasSize(4));
            assertThat(result.agreement()[0]).isEqualTo(1);
            assertThat(result.edges()).hasSize(4);
            assertThat(result.edges().get(0).shape()).isEqualTo(Shape.of(1, 8, 8));
            assertThat(model.predict(x)).isDeepEqualTo(before);
            assertThat(result.meanSimilarity("saliency", SimilarityMetric.SPEARMAN, 3)).isLessThan(0.9);
        }
    }

    @Test
    void seedsGiveIdenticalResultsAndIndependentStepsRandomiseOneLayer() {
        float[][] x = SanityNets.images(2, 4);
        try (BlockModel model = SanityNets.cnn()) {
            RandomisationCheck.Builder check = RandomisationCheck.of(model, gradients(model)).seed(9);
            RandomisationResult once = check.build().run(x, Target.PREDICTED, Progress.NONE);
            RandomisationResult again = check.build().run(x, Target.PREDICTED, Progress.NONE);
            RandomisationResult other = check.seed(10).build().run(x, Target.PREDICTED, Progress.NONE);
            double[][] spearman = once.similarity().get("saliency").get(SimilarityMetric.SPEARMAN);
            assertThat(again.similarity().get("saliency").get(SimilarityMetric.SPEARMAN)).isDeepEqualTo(spearman);
            assertThat(other.similarity().get("saliency").get(SimilarityMetric.SPEARMAN)[1]).isNotEqualTo(spearman[1]);

            RandomisationResult independent = RandomisationCheck.of(model, gradients(model)).seed(9)
                    .mode(RandomisationCheck.Mode.INDEPENDENT).build().run(x, Target.PREDICTED, Progress.NONE);
            // step 1 randomises fc alone either way; at step 3 independent has only conv randomised, cascading all
            assertThat(independent.maps().get("saliency").get(1).get(0).values())
                    .isEqualTo(once.maps().get("saliency").get(1).get(0).values());
            assertThat(independent.maps().get("saliency").get(3).get(0).values())
                    .isNotEqualTo(once.maps().get("saliency").get(3).get(0).values());
        }
    }

    @Test
    void runsOnATorchScriptModel() {
        Shape image = Shape.of(1, 28, 28);
        float[][] x = TestFixtures.rows(TestFixtures.floats(TestFixtures.reference("cnn"), "input"), image.size());
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(image))) {
            float[][] before = model.predict(x);
            RandomisationResult result = RandomisationCheck.of(model, Map.of("saliency", Saliency.gradients(model, true)))
                    .layers(List.of("fc", "conv2")).metrics(List.of(SimilarityMetric.SPEARMAN_ABS)).build()
                    .run(x, Target.PREDICTED, Progress.NONE);
            assertThat(result.similarity().get("saliency")).containsOnlyKeys(SimilarityMetric.SPEARMAN_ABS);
            assertThat(result.meanSimilarity("saliency", SimilarityMetric.SPEARMAN_ABS, 2)).isLessThan(0.9);
            assertThat(model.predict(x)).isDeepEqualTo(before);
        }
    }

    @Test
    void refusesBadInputAndLeavesTheModelWhole() {
        float[][] x = SanityNets.images(2, 5);
        try (BlockModel model = SanityNets.cnn()) {
            float[][] before = model.predict(x);
            RandomisationCheck unknown = RandomisationCheck.of(model, gradients(model))
                    .layers(List.of("fc", "conv7")).build();
            assertThatThrownBy(() -> unknown.run(x, Target.PREDICTED, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("conv7");
            assertThat(model.predict(x)).isDeepEqualTo(before);
            RandomisationCheck check = RandomisationCheck.of(model, gradients(model)).build();
            assertThatThrownBy(() -> check.run(new float[0][], Target.PREDICTED, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class);
            float[][] nan = {x[0].clone()};
            nan[0][3] = Float.NaN;
            assertThatThrownBy(() -> check.run(nan, Target.PREDICTED, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> RandomisationCheck.of(model, Map.of())).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> RandomisationCheck.of(model, gradients(model)).layers(List.of()))
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
