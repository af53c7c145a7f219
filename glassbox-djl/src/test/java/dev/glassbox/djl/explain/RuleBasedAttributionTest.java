package dev.glassbox.djl.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.rules.DeepLiftRules;
import dev.glassbox.djl.model.TorchScriptModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules engine on a ReLU network, against the backward passes written out by hand. */
class RuleBasedAttributionTest {
    private static final float[] X = {0.8f, -0.6f, 1.3f, 0.2f};
    private static final float[] REFERENCE = {0.1f, 0.4f, -0.2f, 0.5f};

    /** Hidden pre-activations W1 x + b1. */
    private static double[] hidden(BlockModel model, float[] x) {
        float[][] w1 = TestNets.weight(model, "fc1");
        float[] b1 = TestNets.bias(model, "fc1");
        double[] z = new double[w1.length];
        for (int h = 0; h < z.length; h++) {
            z[h] = b1[h];
            for (int j = 0; j < x.length; j++) {
                z[h] += w1[h][j] * x[j];
            }
        }
        return z;
    }

    /** W1ᵀ m: pulls a hidden cotangent back to the input. */
    private static double[] toInput(BlockModel model, double[] m) {
        float[][] w1 = TestNets.weight(model, "fc1");
        double[] out = new double[4];
        for (int h = 0; h < m.length; h++) {
            for (int j = 0; j < 4; j++) {
                out[j] += w1[h][j] * m[h];
            }
        }
        return out;
    }

    private static void assertClose(float[] actual, double[] expected) {
        for (int j = 0; j < expected.length; j++) {
            assertThat((double) actual[j]).isCloseTo(expected[j], within(1e-5));
        }
    }

    @Test
    void guidedBackpropAndDeconvnetFollowTheirReluRules() {
        try (BlockModel model = TestNets.mlp()) {
            int k = 1;
            float[] w2 = TestNets.weight(model, "fc2")[k];
            double[] z = hidden(model, X);
            double[] guided = new double[z.length];
            double[] deconv = new double[z.length];
            for (int h = 0; h < z.length; h++) {
                guided[h] = z[h] > 0 ? Math.max(0, w2[h]) : 0;
                deconv[h] = Math.max(0, w2[h]);
            }
            assertClose(RuleBasedAttribution.guidedBackprop(model).explain(X, Target.index(k)).values(), toInput(model, guided));
            assertClose(RuleBasedAttribution.deconvnet(model).explain(X, Target.index(k)).values(), toInput(model, deconv));
        }
    }

    @Test
    void deepLiftRescaleSumsToTheChangeInOutput() {
        try (BlockModel model = TestNets.mlp()) {
            int k = 2;
            float[] w2 = TestNets.weight(model, "fc2")[k];
            double[] z = hidden(model, X);
            double[] z0 = hidden(model, REFERENCE);
            double[] m = new double[z.length];
            for (int h = 0; h < z.length; h++) {
                double dz = z[h] - z0[h];
                double slope = Math.abs(dz) < 1e-7 ? (z[h] > 0 ? 1 : 0) : (Math.max(0, z[h]) - Math.max(0, z0[h])) / dz;
                m[h] = slope * w2[h];
            }
            double[] multipliers = toInput(model, m);
            double[] expected = new double[4];
            for (int j = 0; j < 4; j++) {
                expected[j] = (X[j] - REFERENCE[j]) * multipliers[j];
            }
            Attribution a = RuleBasedAttribution.deepLift(model, PathBaseline.of(List.of(REFERENCE), "reference"), DeepLiftRules.EXACT)
                    .explain(X, Target.index(k));
            assertClose(a.values(), expected);
            double change = model.predict(new float[][] {X})[0][k] - model.predict(new float[][] {REFERENCE})[0][k];
            assertThat(a.sum()).isCloseTo(change, within(1e-5));
            assertThat(a.diagnostics().get("completenessDelta")).isCloseTo(0.0, within(1e-5));
        }
    }

    @Test
    void deepLiftAtAMaxPoolRoutesEachWindowsChangeToTheMaximaOfInputAndReference() {
        // pool (2×2 windows over 1×4×4), flatten, fc (4 → 3): the attribution of pixel p in window o is
        // w_o · ((m_o − y′_o)·[p is x's maximum] + (y_o − m_o)·[p is x′'s maximum]) with m = max(y, y′)
        try (BlockModel model = TestNets.build(new dev.glassbox.djl.model.NamedBlocks()
                .add("pool", ai.djl.nn.pooling.Pool.maxPool2dBlock(new ai.djl.ndarray.types.Shape(2, 2),
                        new ai.djl.ndarray.types.Shape(2, 2)))
                .add("flatten", ai.djl.nn.Blocks.batchFlattenBlock())
                .add("fc", ai.djl.nn.core.Linear.builder().setUnits(3).build()), Shape.of(1, 4, 4), 4)) {
            float[] x = new float[16];
            float[] reference = new float[16];
            java.util.Random random = new java.util.Random(8);
            for (int p = 0; p < 16; p++) {
                x[p] = (float) random.nextGaussian();
                reference[p] = (float) random.nextGaussian();
            }
            int k = 1;
            float[] w = TestNets.weight(model, "fc")[k];
            double[] expected = new double[16];
            for (int o = 0; o < 4; o++) {
                int row = 2 * (o / 2);
                int col = 2 * (o % 2);
                int[] window = {4 * row + col, 4 * row + col + 1, 4 * (row + 1) + col, 4 * (row + 1) + col + 1};
                int xMax = window[0];
                int referenceMax = window[0];
                for (int p : window) {
                    xMax = x[p] > x[xMax] ? p : xMax;
                    referenceMax = reference[p] > reference[referenceMax] ? p : referenceMax;
                }
                double m = Math.max(x[xMax], reference[referenceMax]);
                expected[xMax] += w[o] * (m - reference[referenceMax]);
                expected[referenceMax] += w[o] * (x[xMax] - m);
            }
            Attribution a = RuleBasedAttribution.deepLift(model, PathBaseline.of(List.of(reference), "reference"), DeepLiftRules.EXACT)
                    .explain(x, Target.index(k));
            assertClose(a.values(), expected);
            assertThat(a.diagnostics().get("completenessDelta")).isCloseTo(0.0, within(1e-5));
        }
    }

    @Test
    void batchesSpanningSeveralChunksGiveEachInputItsOwnAttribution() {
        try (BlockModel model = TestNets.pooledCnn()) {
            java.util.Random random = new java.util.Random(3);
            float[][] inputs = new float[5][36];
            for (float[] input : inputs) {
                for (int p = 0; p < input.length; p++) {
                    input[p] = (float) random.nextGaussian();
                }
            }
            float[][] scores = model.predict(inputs);
            for (RuleBasedAttribution method : List.of(RuleBasedAttribution.guidedBackprop(model),
                    RuleBasedAttribution.deconvnet(model), RuleBasedAttribution.deepLift(model, PathBaseline.zero()),
                    RuleBasedAttribution.deepLift(model, PathBaseline.blurred(1.0)))) {
                List<Attribution> batch = method.explain(inputs, Target.PREDICTED);
                for (int i = 0; i < inputs.length; i++) {
                    Attribution alone = method.explain(inputs[i], Target.PREDICTED);
                    assertThat(batch.get(i).target()).isEqualTo(Target.PREDICTED.resolve(scores[i]))
                            .isEqualTo(alone.target());
                    assertThat(batch.get(i).values()).containsExactly(alone.values(), within(1e-6f));
                }
            }
        }
    }

    @Test
    void guidedGradCamIsGuidedBackpropTimesUpsampledGradCam() {
        try (BlockModel gap = TestNets.gapCnn(); BlockModel pooled = TestNets.pooledCnn()) {
            float[][] images = new float[3][36];
            for (int i = 0; i < images.length; i++) {
                for (int p = 0; p < 36; p++) {
                    images[i][p] = (float) Math.cos(p * 0.3 + i);
                }
            }
            // relu is last in the gap CNN and relu2 in the pooled one (one guided pass gives both maps); conv2 is
            // followed by a ReLU, so Grad-CAM takes its own pass there
            for (var modelAndLayer : List.of(Map.entry(gap, "relu"), Map.entry(pooled, "relu2"), Map.entry(pooled, "conv2"))) {
                BlockModel model = modelAndLayer.getKey();
                String layer = modelAndLayer.getValue();
                List<Attribution> combined = new GuidedGradCam(model, layer, Upsampling.BILINEAR).explain(images,
                        Target.PREDICTED);
                for (int i = 0; i < images.length; i++) {
                    int k = combined.get(i).target();
                    assertThat(k).isEqualTo(Target.PREDICTED.resolve(model.predict(new float[][] {images[i]})[0]));
                    float[] guided = RuleBasedAttribution.guidedBackprop(model).explain(images[i], Target.index(k)).values();
                    float[] cam = ClassActivationMap.gradCam(model, layer, true, Upsampling.BILINEAR)
                            .explain(images[i], Target.index(k)).values();
                    for (int p = 0; p < 36; p++) {
                        assertThat(combined.get(i).values()[p]).as(layer).isCloseTo(guided[p] * cam[p], within(1e-6f));
                    }
                }
            }
        }
    }

    @Test
    void opaqueModelsAreRefused() {
        try (TorchScriptModel model = TorchScriptModel.load(TestFixtures.path("cnn.pt"), ModelOptions.withShape(Shape.of(1, 28, 28)))) {
            assertThatThrownBy(() -> RuleBasedAttribution.guidedBackprop(model))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("opaque");
            assertThatThrownBy(() -> RuleBasedAttribution.deepLift(model, PathBaseline.zero()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("DeepLIFT");
        }
    }
}
