package dev.glassbox.djl.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Diagnostic;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.TorchScriptModel;
import dev.glassbox.djl.TestFixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientExplainersTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);
    private static final float[] X = {0.5f, -1.5f, 2f, 0.25f};

    private static TorchScriptModel linear() {
        return TorchScriptModel.load(TestFixtures.path("linear.pt"), ModelOptions.withShape(Shape.of(4)));
    }

    private static float[] weightRow(int k) {
        float[] w = TestFixtures.floats(TestFixtures.reference("linear"), "weight");
        return Arrays.copyOfRange(w, 4 * k, 4 * k + 4);
    }

    @Test
    void saliencyAndGradientTimesInputOfALinearModel() {
        try (TorchScriptModel model = linear()) {
            float[] w = weightRow(2);
            assertThat(Saliency.gradients(model, false).explain(X, Target.index(2)).values()).containsExactly(w, within(1e-7f));
            float[] abs = Saliency.gradients(model, true).explain(X, Target.index(2)).values();
            float[] ixg = Saliency.timesInput(model).explain(X, Target.index(2)).values();
            for (int j = 0; j < 4; j++) {
                assertThat(abs[j]).isCloseTo(Math.abs(w[j]), within(1e-7f));
                assertThat(ixg[j]).isCloseTo(w[j] * X[j], within(1e-6f));
            }
        }
    }

    @Test
    void integratedGradientsIsExactOnALinearModelForEveryRule() {
        try (TorchScriptModel model = linear()) {
            float[] w = weightRow(1);
            PathBaseline baseline = PathBaseline.constant(0.3f);
            for (IntegrationRule rule : IntegrationRule.values()) {
                Attribution a = IntegratedGradients.of(model).rule(rule).steps(7).baseline(baseline).build()
                        .explain(X, Target.index(1));
                for (int j = 0; j < 4; j++) {
                    assertThat(a.values()[j]).as(rule.name()).isCloseTo(w[j] * (X[j] - 0.3f), within(1e-5f));
                }
                assertThat(a.diagnostics().get("completenessDelta")).isCloseTo(0.0, within(1e-5));
            }
        }
    }

    @Test
    void integratedGradientsMatchesPyTorchOnTheCnnUnderEveryRule() {
        JsonObject ref = TestFixtures.reference("cnn");
        JsonObject expected = TestFixtures.reference("cnnExplanations").getAsJsonObject("ig");
        float[] image = Arrays.copyOf(TestFixtures.floats(ref, "input"), IMAGE.size());
        int target = ref.get("target").getAsInt();
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(IMAGE))) {
            for (IntegrationRule rule : IntegrationRule.values()) {
                // a budget of three path points per pass: the result must not depend on how the path is cut
                IntegratedGradients ig = IntegratedGradients.of(model).rule(rule).steps(20).memoryBudget(3L * 784 * 16).build();
                assertThat(ig.pointsPerPass()).isEqualTo(3);
                float[] values = ig.explain(image, Target.index(target)).values();
                assertThat(values).as(rule.cliName())
                        .containsExactly(TestFixtures.floats(expected, rule.cliName()), within(2e-6f));
            }
        }
    }

    @Test
    void integratedGradientsIsCompleteOnTheCnnWithEnoughSteps() {
        JsonObject ref = TestFixtures.reference("cnn");
        float[] image = Arrays.copyOf(TestFixtures.floats(ref, "input"), IMAGE.size());
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(IMAGE))) {
            Attribution a = IntegratedGradients.of(model).steps(64).build().explain(image, Target.PREDICTED);
            double change = a.diagnostics().get("score") - a.diagnostics().get("baselineScore");
            assertThat(Math.abs(a.diagnostics().get("completenessDelta"))).isLessThan(1e-3 * Math.max(1, Math.abs(change)));
            assertThat(a.sum()).isCloseTo(change, within(1e-3 * Math.max(1, Math.abs(change))));
        }
    }

    @Test
    void saturationHidesFeaturesFromTheGradientButNotFromIntegratedGradientsOrDeepLift() {
        try (BlockModel model = TestNets.saturating()) {
            float[] x = {1, 1};
            assertThat(model.predict(new float[][] {x})[0][0]).isEqualTo(1f);
            assertThat(Saliency.gradients(model, false).explain(x, Target.index(0)).values()).containsExactly(0f, 0f);
            float[] ig = IntegratedGradients.of(model).steps(64).build().explain(x, Target.index(0)).values();
            assertThat(ig).containsExactly(new float[] {0.5f, 0.5f}, within(1e-3f));
            float[] deepLift = RuleBasedAttribution.deepLift(model, PathBaseline.zero()).explain(x, Target.index(0)).values();
            assertThat(deepLift).containsExactly(new float[] {0.5f, 0.5f}, within(1e-6f));
        }
    }

    @Test
    void completenessDeltaShrinksAsStepsGrow() {
        // along the path to (0.9, 0.4142) the saturating model has a kink at α = 1/1.3142; with the left rule the
        // attributions sum to 1.3142·⌈0.7609 n⌉/n of a change of 1, so Captum's delta Σφ − Δf is 0.31, 0.068, 0.0062,
        // 0.0010 for n = 4, 16, 64, 256
        double[] expected = {0.3142, 0.0678, 0.0062, 0.00104};
        int[] steps = {4, 16, 64, 256};
        try (BlockModel model = TestNets.saturating()) {
            for (int i = 0; i < steps.length; i++) {
                double delta = IntegratedGradients.of(model).rule(IntegrationRule.LEFT).steps(steps[i]).build()
                        .explain(new float[] {0.9f, 0.4142f}, Target.index(0)).diagnostic(Diagnostic.COMPLETENESS_DELTA)
                        .orElseThrow();
                assertThat(delta).as(steps[i] + " steps").isCloseTo(expected[i], within(2e-4));
            }
        }
    }

    @Test
    void expectedGradientsAverageTheAttributionsOfEachBaseline() {
        try (BlockModel model = TestNets.mlp()) {
            float[] r1 = {0f, 0f, 0f, 0f};
            float[] r2 = {1f, -1f, 0.5f, 0f};
            IntegratedGradients.Builder b = IntegratedGradients.of(model).steps(16);
            float[] both = b.baseline(PathBaseline.of(List.of(r1, r2), "two")).build().explain(X, Target.index(0)).values();
            float[] first = b.baseline(PathBaseline.of(List.of(r1), "r1")).build().explain(X, Target.index(0)).values();
            float[] second = b.baseline(PathBaseline.of(List.of(r2), "r2")).build().explain(X, Target.index(0)).values();
            for (int j = 0; j < 4; j++) {
                assertThat(both[j]).isCloseTo((first[j] + second[j]) / 2, within(1e-6f));
            }
        }
    }

    /** Five inputs of the pooled CNN, which predicts more than one class for them. */
    private static float[][] mixedInputs(BlockModel model) {
        java.util.Random random = new java.util.Random(5);
        float[][] inputs = new float[5][36];
        for (float[] input : inputs) {
            for (int p = 0; p < input.length; p++) {
                input[p] = (float) random.nextGaussian();
            }
        }
        assertThat(Arrays.stream(model.predict(inputs)).mapToInt(Target.PREDICTED::resolve).distinct().count())
                .isGreaterThan(1);
        return inputs;
    }

    @Test
    void integratedGradientsOfABatchMatchEachInputAloneHoweverThePathIsCut() {
        try (BlockModel model = TestNets.pooledCnn()) {
            float[][] inputs = mixedInputs(model);
            PathBaseline two = PathBaseline.of(List.of(new float[36], inputs[4]), "two");
            // 7 path points per pass: passes end inside an input's path and inside a reference's
            IntegratedGradients ig = IntegratedGradients.of(model).steps(5).baseline(two)
                    .memoryBudget(7L * (36 * 16 + model.activationBytesPerSample())).build();
            assertThat(ig.pointsPerPass()).isEqualTo(7);
            List<Attribution> batch = ig.explain(inputs, Target.PREDICTED);
            for (int i = 0; i < inputs.length; i++) {
                Attribution alone = ig.explain(inputs[i], Target.PREDICTED);
                assertThat(batch.get(i).target()).isEqualTo(alone.target());
                assertThat(batch.get(i).values()).containsExactly(alone.values(), within(1e-6f));
                assertThat(batch.get(i).diagnostics().get("completenessDelta"))
                        .isCloseTo(alone.diagnostics().get("completenessDelta"), within(1e-5));
            }
        }
    }

    @Test
    void noiseTunnelOfABatchGivesEachInputTheNoiseOfItsPosition() {
        try (BlockModel model = TestNets.pooledCnn()) {
            float[][] inputs = mixedInputs(model);
            NoiseTunnel.Builder tunnel = NoiseTunnel.around(model, Saliency.gradients(model, false), "saliency")
                    .samples(3).noise(0.2).seed(11);
            List<Attribution> batch = tunnel.build().explain(inputs, Target.PREDICTED);
            for (int i = 0; i < inputs.length; i++) {
                Attribution alone = tunnel.seed(11 + 0x9E3779B97F4A7C15L * i).build()
                        .explain(inputs[i], Target.PREDICTED);
                assertThat(batch.get(i).target()).isEqualTo(alone.target());
                assertThat(batch.get(i).values()).containsExactly(alone.values(), within(1e-6f));
            }
        }
    }

    @Test
    void noiseTunnelGivesTheSameMapsWhenItsPassesHoldFewerCopiesThanAnInputHas() {
        try (BlockModel model = TestNets.pooledCnn()) {
            float[][] inputs = mixedInputs(model);
            NoiseTunnel.Builder tunnel = NoiseTunnel.around(model, Saliency.gradients(model, false), "saliency")
                    .samples(5).noise(0.2).seed(3);
            List<Attribution> whole = tunnel.build().explain(inputs, Target.PREDICTED);
            // 2 noisy copies per pass: passes end inside an input's copies
            long twoCopies = 2L * (36 * 16 + model.activationBytesPerSample());
            assertThat(model.samplesPerPass(twoCopies)).isEqualTo(2);
            List<Attribution> cut = tunnel.memoryBudget(twoCopies).build().explain(inputs, Target.PREDICTED);
            for (int i = 0; i < inputs.length; i++) {
                assertThat(cut.get(i).target()).isEqualTo(whole.get(i).target());
                assertThat(cut.get(i).values()).containsExactly(whole.get(i).values(), within(1e-6f));
            }
        }
    }

    @Test
    void noiseTunnelOnALinearModelKeepsTheConstantGradient() {
        try (TorchScriptModel model = linear()) {
            float[] w = weightRow(0);
            Saliency saliency = Saliency.gradients(model, false);
            NoiseTunnel.Builder tunnel = NoiseTunnel.around(model, saliency, "saliency").samples(8).noise(0.3).seed(4);
            float[] smooth = tunnel.build().explain(X, Target.index(0)).values();
            float[] squared = tunnel.aggregation(NoiseTunnel.Aggregation.SMOOTHGRAD_SQUARED).build().explain(X, Target.index(0)).values();
            float[] variance = tunnel.aggregation(NoiseTunnel.Aggregation.VARGRAD).build().explain(X, Target.index(0)).values();
            for (int j = 0; j < 4; j++) {
                assertThat(smooth[j]).isCloseTo(w[j], within(1e-6f));
                assertThat(squared[j]).isCloseTo(w[j] * w[j], within(1e-6f));
                assertThat(variance[j]).isCloseTo(0f, within(1e-6f));
            }
        }
    }

    @Test
    void noiseTunnelIsSeededAndAveragesNoisyMaps() {
        JsonObject ref = TestFixtures.reference("cnn");
        float[] image = Arrays.copyOf(TestFixtures.floats(ref, "input"), IMAGE.size());
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(IMAGE))) {
            Saliency saliency = Saliency.gradients(model, false);
            NoiseTunnel.Builder tunnel = NoiseTunnel.around(model, saliency, "saliency").samples(4).noise(0.2);
            Attribution a = tunnel.seed(1).build().explain(image, Target.index(3));
            Attribution again = tunnel.seed(1).build().explain(image, Target.index(3));
            Attribution other = tunnel.seed(2).build().explain(image, Target.index(3));
            assertThat(a.values()).containsExactly(again.values());
            assertThat(a.values()).isNotEqualTo(other.values());
            Attribution noiseless = tunnel.noise(0).build().explain(image, Target.index(3));
            assertThat(noiseless.values()).containsExactly(saliency.explain(image, Target.index(3)).values(), within(1e-7f));
        }
    }

    @Test
    void gradCamMatchesPyTorchAtTheSplit() {
        JsonObject ref = TestFixtures.reference("cnn");
        JsonObject expected = TestFixtures.reference("cnnExplanations");
        float[] image = Arrays.copyOf(TestFixtures.floats(ref, "input"), IMAGE.size());
        Target target = Target.index(ref.get("target").getAsInt());
        try (TorchScriptModel model = TorchScriptModel.loadSplit(TestFixtures.path("cnn.pt"), ModelOptions.withShape(IMAGE))) {
            String layer = TorchScriptModel.SPLIT_LAYER;
            Attribution raw = ClassActivationMap.gradCam(model, layer, false, null).explain(image, target);
            assertThat(raw.shape()).isEqualTo(Shape.of(1, 14, 14));
            assertThat(raw.values()).containsExactly(TestFixtures.floats(expected, "gradcamRaw"), within(1e-6f));
            assertThat(ClassActivationMap.gradCam(model, layer, true, Upsampling.BILINEAR).explain(image, target).values())
                    .containsExactly(TestFixtures.floats(expected, "gradcamReluBilinear"), within(1e-6f));
            assertThat(ClassActivationMap.gradCam(model, layer, true, Upsampling.NEAREST).explain(image, target).values())
                    .containsExactly(TestFixtures.floats(expected, "gradcamReluNearest"), within(1e-6f));
            // the head is global average pooling, dropout and a linear layer: CAM = (h·w) × Grad-CAM
            float[] cam = ClassActivationMap.cam(model, layer, false, null).explain(image, target).values();
            float[] gradCam = TestFixtures.floats(expected, "gradcamRaw");
            for (int p = 0; p < cam.length; p++) {
                assertThat(cam[p]).isCloseTo(196 * gradCam[p], within(1e-4f));
            }
        }
    }

    @Test
    void camOfADjlModelIsTheHeadWeightedSumOfChannels() {
        try (BlockModel model = TestNets.gapCnn()) {
            float[] image = new float[36];
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) Math.sin(i * 0.7);
            }
            int k = 2;
            Attribution cam = ClassActivationMap.cam(model, "relu", false, null).explain(image, Target.index(k));
            float[] activation = model.layerGradient(new float[][] {image}, "relu", new float[][] {new float[3]}).activations()[0];
            float[] w = TestNets.weight(model, "fc")[k];
            for (int p = 0; p < 36; p++) {
                double expected = 0;
                for (int c = 0; c < 4; c++) {
                    expected += w[c] * activation[c * 36 + p];
                }
                assertThat((double) cam.values()[p]).isCloseTo(expected, within(1e-5));
            }
            assertThatThrownBy(() -> ClassActivationMap.cam(model, "conv", false, null).explain(image, Target.index(k)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("use gradcam");
        }
    }

    @Test
    void layerMethodsRefuseLayersTheyCannotUse() {
        try (BlockModel model = TestNets.gapCnn()) {
            assertThatThrownBy(() -> ClassActivationMap.gradCam(model, "fc", true, null).explain(new float[36], Target.PREDICTED))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("channels × height × width");
        }
    }

    @Test
    void integratedGradientsSizesItsPassesToTheActivationsTheModelKeeps() {
        try (BlockModel model = TestNets.pooledCnn()) {
            // outputs per sample: conv1 3×6×6, relu1 3×6×6, pool 3×3×3, conv2 2×3×3, relu2 2×3×3, flatten 18, fc 4
            long elements = 108 + 108 + 27 + 18 + 18 + 18 + 4;
            assertThat(model.activationBytesPerSample()).isEqualTo(12 * elements);
            long perPoint = 16L * 36 + 12 * elements;
            IntegratedGradients ig = IntegratedGradients.of(model).memoryBudget(10 * perPoint + perPoint / 2).build();
            assertThat(ig.pointsPerPass()).isEqualTo(10);
        }
    }
}
