package dev.glassbox.djl.explain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import com.google.gson.JsonObject;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.rules.DeepLiftRules;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network of scripts/make_captum_references.py rebuilt from DJL blocks with the same weights: every method must
 * agree with Captum 0.8 within 1e-4 of the largest attribution magnitude.
 */
class CaptumAgreementTest {
    private static final Shape INPUT = Shape.of(1, 10, 10);
    private static JsonObject reference;
    private static BlockModel model;
    private static BlockModel avgPoolModel;
    private static float[] input;
    private static Target target;

    @BeforeAll
    static void rebuildTheNetworks() {
        reference = TestFixtures.document("captum.json");
        model = rebuild(Pool.maxPool2dBlock(new ai.djl.ndarray.types.Shape(2, 2), new ai.djl.ndarray.types.Shape(2, 2)),
                reference.getAsJsonObject("weights"));
        avgPoolModel = rebuild(Pool.avgPool2dBlock(new ai.djl.ndarray.types.Shape(2, 2), new ai.djl.ndarray.types.Shape(2, 2)),
                reference.getAsJsonObject("avgPoolWeights"));
        input = TestFixtures.floats(reference, "input");
        target = Target.index(reference.get("target").getAsInt());
    }

    private static BlockModel rebuild(ai.djl.nn.Block pool, JsonObject weights) {
        NamedBlocks layers = new NamedBlocks()
                .add("conv1", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                        .optPadding(new ai.djl.ndarray.types.Shape(1, 1)).setFilters(4).build())
                .add("relu1", Activation.reluBlock())
                .add("pool", pool)
                .add("conv2", Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                        .optPadding(new ai.djl.ndarray.types.Shape(1, 1)).setFilters(6).build())
                .add("relu2", Activation.reluBlock())
                .add("gap", Pool.globalAvgPool2dBlock())
                .add("fc", Linear.builder().setUnits(5).build());
        Model djl = Model.newInstance("captum-net", "PyTorch");
        djl.setBlock(layers.block());
        layers.block().initialize(djl.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 1, 10, 10));
        for (String layer : List.of("conv1", "conv2", "fc")) {
            for (String kind : List.of("weight", "bias")) {
                float[] values = TestFixtures.floats(weights.getAsJsonObject(layer + "." + kind), "values");
                layers.layer(layer).getParameters().get(kind).getArray().set(values);
            }
        }
        return BlockModel.of(djl, layers, ModelOptions.withShape(INPUT));
    }

    @AfterAll
    static void close() {
        model.close();
        avgPoolModel.close();
    }

    private static void assertAgrees(String name, Explainer explainer) {
        assertAgrees(name, explainer.explain(input, target).values(), 1);
    }

    /** Agreement within 1e-4 of the largest Captum attribution, after scaling Captum's values by {@code scale}. */
    private static void assertAgrees(String name, float[] actual, double scale) {
        float[] expected = TestFixtures.floats(reference.getAsJsonObject("attributions"), name);
        assertThat(actual).as(name).hasSameSizeAs(expected);
        double largest = 0;
        for (float v : expected) {
            largest = Math.max(largest, Math.abs(v / scale));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as(name + " at " + i)
                    .isCloseTo(expected[i] / scale, org.assertj.core.api.Assertions.within(1e-4 * largest));
        }
    }

    private static PathBaseline baseline() {
        return PathBaseline.of(List.of(TestFixtures.floats(reference, "baseline")), "captum baseline");
    }

    @Test
    void saliencyAndGradientTimesInput() {
        assertAgrees("saliency", Saliency.gradients(model, false));
        assertAgrees("saliency-abs", Saliency.gradients(model, true));
        assertAgrees("ixg", Saliency.timesInput(model));
    }

    @Test
    void integratedGradients() {
        assertAgrees("ig-gauss-legendre", IntegratedGradients.of(model).steps(50).baseline(baseline()).build());
        // Captum's riemann_trapezoid weighs its n points by 1/n (ends halved), so its weights sum to (n − 1)/n;
        // glassbox's trapezoid rule integrates exactly, and Captum's values are glassbox's times (n − 1)/n
        float[] trapezoid = IntegratedGradients.of(model).steps(50).rule(IntegrationRule.TRAPEZOID)
                .baseline(baseline()).build().explain(input, target).values();
        assertAgrees("ig-trapezoid", trapezoid, 49.0 / 50);
    }

    @Test
    void deepLiftAgreesWhereCaptumSumsToDeltaAndStaysExactAtMaxPools() {
        assertAgrees("deeplift-avgpool", RuleBasedAttribution.deepLift(avgPoolModel, baseline()).explain(input, target).values(), 1);
        // at max-pools Captum 0.8 misses its own summation-to-delta; glassbox's attributions keep it
        assertThat(reference.get("captumDeepLiftMaxPoolDelta").getAsDouble()).isGreaterThan(1e-3);
        Attribution maxPool = RuleBasedAttribution.deepLift(model, baseline(), DeepLiftRules.EXACT).explain(input, target);
        double change = maxPool.diagnostics().get("score") - maxPool.diagnostics().get("baselineScore");
        assertThat(maxPool.sum()).isCloseTo(change, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void guidedBackpropAndDeconvnet() {
        assertAgrees("guided-backprop", RuleBasedAttribution.guidedBackprop(model));
        assertAgrees("deconvnet", RuleBasedAttribution.deconvnet(model));
    }

    @Test
    void occlusionAndFeatureAblation() {
        assertAgrees("occlusion", dev.glassbox.core.explain.perturb.Occlusion.builder(model).window(1, 3, 3)
                .strides(1, 2, 2).baseline(dev.glassbox.core.explain.perturb.Baseline.constant(0f)).build()
                .explain(input, target).values(), 1);
        int[] blocks = new int[100];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                blocks[i * 10 + j] = (i / 2) * 5 + j / 2;
            }
        }
        Attribution ablation = dev.glassbox.core.explain.perturb.PerturbationExplainer
                .builder(model, dev.glassbox.core.explain.perturb.FeatureAblation.ablation())
                .grouping(dev.glassbox.core.explain.grouping.FeatureGrouping.labels(INPUT, blocks))
                .baseline(dev.glassbox.core.explain.perturb.Baseline.constant(0f)).build().explain(input, target);
        assertAgrees("ablation-blocks", ablation.inputValues(), 1);
    }

    @Test
    void gradCamAndGuidedGradCam() {
        assertAgrees("gradcam", ClassActivationMap.gradCam(model, "relu2", false, null));
        assertAgrees("gradcam-bilinear", ClassActivationMap.gradCam(model, "relu2", false, Upsampling.BILINEAR));
        assertAgrees("guided-gradcam", new GuidedGradCam(model, "relu2", Upsampling.NEAREST));
    }
}
