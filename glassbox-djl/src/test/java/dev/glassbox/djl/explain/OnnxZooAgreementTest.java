package dev.glassbox.djl.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.ImportedModel;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.onnx.OnnxModel;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.rules.DeepLiftRules;
import dev.glassbox.djl.rules.LrpPreset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ONNX models made with PyTorch (scripts/make_onnx_zoo.py: an MLP, a CNN with max-pools, a ResNet-style net with skip
 * connections, a MobileNet-style net, a text CNN, a transformer encoder, a sequential CNN), imported as graphs: their
 * logits, input gradients and inner activations and gradients against PyTorch's and ONNX Runtime's, and every
 * gradient method against Captum 0.8's attributions on the same inputs.
 */
class OnnxZooAgreementTest {

    private static JsonObject reference(String model) {
        return TestFixtures.document("onnx/" + model + ".json");
    }

    private static ImportedModel load(String name, JsonObject ref) {
        Model model = Models.load(TestFixtures.path("onnx/" + name + ".onnx"), ModelOptions.withShape(shape(ref)));
        assertThat(model).isInstanceOf(ImportedModel.class);
        return (ImportedModel) model;
    }

    private static Shape shape(JsonObject ref) {
        return new Shape(ref.getAsJsonArray("inputShape").asList().stream().mapToInt(JsonElement::getAsInt).toArray());
    }

    private static float[][] batch(JsonObject ref) {
        return TestFixtures.rows(TestFixtures.floats(ref, "input"), shape(ref).size());
    }

    private static int[] targets(JsonObject ref) {
        return ref.getAsJsonArray("target").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** Every row within {@code tolerance × max(1, largest |reference|)} of the flat reference. */
    private static void assertClose(String what, float[][] actual, float[] expected, double tolerance) {
        double bound = tolerance * Math.max(1, maxAbs(expected));
        int width = expected.length / actual.length;
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as(what).hasSize(width);
            for (int j = 0; j < width; j++) {
                worst = Math.max(worst, Math.abs(actual[i][j] - expected[i * width + j]));
            }
        }
        assertThat(worst).as(what + ": largest difference").isLessThanOrEqualTo(bound);
    }

    /** Attributions within {@code 1e-4} of the largest reference attribution (Captum's agreement standard). */
    private static void assertAgrees(String what, List<Attribution> attributions, float[] expected) {
        float[][] values = attributions.stream().map(Attribution::values).toArray(float[][]::new);
        double bound = 1e-4 * maxAbs(expected);
        int width = expected.length / values.length;
        double worst = 0;
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < width; j++) {
                worst = Math.max(worst, Math.abs(values[i][j] - expected[i * width + j]));
            }
        }
        assertThat(worst).as(what + ": largest difference against Captum").isLessThanOrEqualTo(bound);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp", "cnn", "resnet", "mobilenet", "textcnn", "transformer", "seqcnn"})
    void importedGraphReproducesPyTorchAndOnnxRuntime(String name) {
        JsonObject ref = reference(name);
        float[][] x = batch(ref);
        int[] targets = targets(ref);
        try (ImportedModel model = load(name, ref);
                OnnxModel runtime = OnnxModel.load(TestFixtures.path("onnx/" + name + ".onnx"),
                        ModelOptions.withShape(shape(ref)))) {
            assertClose("logits", model.predict(x), TestFixtures.floats(ref, "logits"), 1e-5);
            float[][] onnxRuntime = runtime.predict(x);
            float[] flat = new float[onnxRuntime.length * onnxRuntime[0].length];
            for (int i = 0; i < onnxRuntime.length; i++) {
                System.arraycopy(onnxRuntime[i], 0, flat, i * onnxRuntime[i].length, onnxRuntime[i].length);
            }
            assertClose("logits against ONNX Runtime", model.predict(x), flat, 1e-5);
            if (ref.has("inputGradient")) {
                assertClose("input gradient", model.inputGradient(x, oneHot(targets, model.outputSize())), TestFixtures.floats(ref, "inputGradient"), 1e-5);
            }
            // predict runs on ONNX Runtime; the graph's own logits come with every gradient pass
            String first = ref.getAsJsonArray("inner").get(0).getAsJsonObject().get("node").getAsString();
            assertClose("the graph's logits", model.layerGradient(x, first, oneHot(targets, model.outputSize()))
                    .scores(), TestFixtures.floats(ref, "logits"), 1e-5);
            for (JsonElement element : ref.getAsJsonArray("inner")) {
                JsonObject inner = element.getAsJsonObject();
                for (String layer : List.of(inner.get("node").getAsString(), inner.get("tensor").getAsString())) {
                    LayerGradient at = model.layerGradient(x, layer, oneHot(targets, model.outputSize()));
                    assertClose(layer + " activation", at.activations(), TestFixtures.floats(inner, "activation"), 1e-5);
                    assertClose(layer + " gradient", at.gradients(), TestFixtures.floats(inner, "gradient"), 1e-5);
                }
            }
        }
    }

    private static float[][] oneHot(int[] targets, int classes) {
        float[][] out = new float[targets.length][classes];
        for (int i = 0; i < targets.length; i++) {
            out[i][targets[i]] = 1f;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp", "cnn", "resnet", "mobilenet", "seqcnn"})
    void gradientMethodsAgreeWithCaptum(String name) {
        JsonObject ref = reference(name);
        JsonObject captum = ref.getAsJsonObject("captum");
        float[][] x = batch(ref);
        int[] targets = targets(ref);
        String layer = ref.getAsJsonArray("inner").get(0).getAsJsonObject().get("node").getAsString();
        try (ImportedModel model = load(name, ref)) {
            check(captum, "saliency", Saliency.gradients(model, true), x, targets);
            check(captum, "inputXGradient", Saliency.timesInput(model), x, targets);
            check(captum, "integratedGradients", IntegratedGradients.of(model).steps(50)
                    .rule(IntegrationRule.parse("gauss-legendre")).baseline(PathBaseline.zero()).build(), x, targets);
            check(captum, "guidedBackprop", RuleBasedAttribution.guidedBackprop(model), x, targets);
            check(captum, "deconvolution", RuleBasedAttribution.deconvnet(model), x, targets);
            if (captum.has("gradCamBilinear")) {
                check(captum, "gradCam", ClassActivationMap.gradCam(model, layer, false, null), x, targets);
                check(captum, "gradCamBilinear", ClassActivationMap.gradCam(model, layer, false, Upsampling.BILINEAR),
                        x, targets);
                check(captum, "guidedGradCam", new GuidedGradCam(model, layer, Upsampling.NEAREST), x, targets);
            }
            if (captum.has("lrp")) {
                check(captum, "lrp", RuleBasedAttribution.lrp(model, LrpPreset.epsilon(1e-9)), x, targets);
            }
            // Captum keeps DeepLIFT's summation-to-delta only where every nonlinearity is a ReLU and nothing is a
            // max-pool (its deltas on the others are in the JSON); the exact flavour holds through every elementwise
            // nonlinearity and pool. Products of two activations (the MobileNet's hard swish and squeeze-excite gates)
            // have no rescale rule, there or in Captum, so the MobileNet is checked for agreement only.
            List<Attribution> deepLift = RuleBasedAttribution.deepLift(model, PathBaseline.zero(), DeepLiftRules.EXACT)
                    .explain(x, Target.PREDICTED);
            for (Attribution a : name.equals("mobilenet") ? List.<Attribution>of() : deepLift) {
                assertThat(a.diagnostics().get("completenessDelta")).as("DeepLIFT summation-to-delta")
                        .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(a.diagnostics()
                                .get("score")))));
            }
            // Captum's flavour reproduces Captum's numbers, its broken summation at max-pools included
            check(captum, "deepLift", RuleBasedAttribution.deepLift(model, PathBaseline.zero(), DeepLiftRules.CAPTUM), x,
                    targets);
        }
    }

    private static void check(JsonObject captum, String key, Explainer explainer, float[][] x, int[] targets) {
        List<Attribution> out = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(explainer.explain(x[i], Target.index(targets[i])));
        }
        assertAgrees(key, out, TestFixtures.floats(captum, key));
    }
}
