package dev.glassbox.djl.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.rules.LrpPreset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LRP's rules against their definitions: closed forms on one dense layer, and the axioms on small CNNs. */
class LrpTest {
    private static final ai.djl.ndarray.types.Shape K3 = new ai.djl.ndarray.types.Shape(3, 3);
    private static final ai.djl.ndarray.types.Shape PAD1 = new ai.djl.ndarray.types.Shape(1, 1);
    private static final ai.djl.ndarray.types.Shape K2 = new ai.djl.ndarray.types.Shape(2, 2);

    /** A bias-free ReLU CNN with a max-pool: conv, relu, pool, conv, relu, flatten, fc on 1×6×6. */
    private static BlockModel biasFreeCnn() {
        return TestNets.build(new NamedBlocks()
                .add("conv1", Conv2d.builder().setKernelShape(K3).optPadding(PAD1).setFilters(3).optBias(false).build())
                .add("relu1", Activation.reluBlock())
                .add("pool", Pool.maxPool2dBlock(K2, K2))
                .add("conv2", Conv2d.builder().setKernelShape(K3).optPadding(PAD1).setFilters(2).optBias(false).build())
                .add("relu2", Activation.reluBlock())
                .add("flatten", Blocks.batchFlattenBlock())
                .add("fc", Linear.builder().setUnits(4).optBias(false).build()), Shape.of(1, 6, 6), 21);
    }

    private static float[][] images(int count, long seed) {
        Random random = new Random(seed);
        float[][] out = new float[count][36];
        for (float[] image : out) {
            for (int p = 0; p < image.length; p++) {
                image[p] = (float) random.nextGaussian();
            }
        }
        return out;
    }

    @Test
    void lrpZeroIsGradientTimesInputOnABiasFreeReluNetworkAndConservesTheScore() {
        try (BlockModel model = biasFreeCnn()) {
            float[][] x = images(5, 1);
            List<Attribution> lrp = RuleBasedAttribution.lrp(model, LrpPreset.zero()).explain(x, Target.PREDICTED);
            List<Attribution> ixg = Saliency.timesInput(model).explain(x, Target.PREDICTED);
            for (int i = 0; i < x.length; i++) {
                assertThat(lrp.get(i).target()).isEqualTo(ixg.get(i).target());
                assertThat(lrp.get(i).values()).containsExactly(ixg.get(i).values(), within(1e-5f));
                assertThat(lrp.get(i).sum()).isCloseTo(lrp.get(i).diagnostics().get("score"), within(1e-4));
            }
        }
    }

    @Test
    void lrpEpsilonLosesOnlyWhatTheStabiliserAbsorbsAndTendsToLrpZero() {
        try (BlockModel model = biasFreeCnn()) {
            float[][] x = images(4, 2);
            List<Attribution> exact = RuleBasedAttribution.lrp(model, LrpPreset.zero()).explain(x, Target.index(1));
            List<Attribution> small = RuleBasedAttribution.lrp(model, LrpPreset.epsilon(1e-9)).explain(x, Target.index(1));
            List<Attribution> large = RuleBasedAttribution.lrp(model, LrpPreset.epsilon(1.0)).explain(x, Target.index(1));
            for (int i = 0; i < x.length; i++) {
                assertThat(small.get(i).values()).containsExactly(exact.get(i).values(), within(1e-5f));
                double score = large.get(i).diagnostics().get("score");
                double kept = large.get(i).sum();
                // every layer passes on the share z / (z + ε sign z) ∈ [0, 1] of its relevance: |kept| shrinks, sign stays
                assertThat(Math.abs(kept)).isLessThan(Math.abs(score));
                assertThat(kept * score).isGreaterThanOrEqualTo(0);
            }
        }
    }

    /** One dense layer y = W x (2 inputs, 2 outputs), explained by hand. */
    private static BlockModel dense(float[] weights, float[] bias) {
        BlockModel model = TestNets.build(new NamedBlocks().add("fc", Linear.builder().setUnits(2).build()), Shape.of(2), 1);
        model.layers().layer("fc").getParameters().get("weight").getArray().set(weights);
        model.layers().layer("fc").getParameters().get("bias").getArray().set(bias);
        return model;
    }

    @Test
    void rulesOnOneDenseLayerMatchTheirClosedForms() {
        // y0 = 2 x0 − 1 x1 + 0.5, y1 = ...; x = (1, 2): z0 = 2 − 2 + 0.5 = 0.5
        try (BlockModel model = dense(new float[] {2, -1, 1, 1}, new float[] {0.5f, 0})) {
            float[] x = {1, 2};
            // ε rule: R_j = x_j w_0j · z0 / (z0 + ε)
            double eps = 0.25;
            Attribution epsilon = RuleBasedAttribution.lrp(model, LrpPreset.epsilon(eps)).explain(x, Target.index(0));
            assertThat(epsilon.values()[0]).isCloseTo((float) (2 * 0.5 / 0.75), within(1e-6f));
            assertThat(epsilon.values()[1]).isCloseTo((float) (-2 * 0.5 / 0.75), within(1e-6f));
            // γ rule (γ = 1): w' = w + w⁺ = (4, −1), b' = 1; z' = 4 − 2 + 1 = 3; R_j = x_j w'_j · z0 / z'
            Attribution gamma = RuleBasedAttribution.lrp(model, LrpPreset.gamma(1, 0)).explain(x, Target.index(0));
            assertThat(gamma.values()[0]).isCloseTo((float) (4 * 0.5 / 3), within(1e-6f));
            assertThat(gamma.values()[1]).isCloseTo((float) (-2 * 0.5 / 3), within(1e-6f));
            // αβ (α = 2, β = 1): z⁺ = 2, z⁻ = −2; R_0 = α·2/2·z0 = 1, R_1 = −β·(−2)/(−2)·z0 = −0.5
            Attribution alphaBeta = RuleBasedAttribution.lrp(model, LrpPreset.alphaBeta(2)).explain(x, Target.index(0));
            assertThat(alphaBeta.values()[0]).isCloseTo(1f, within(1e-6f));
            assertThat(alphaBeta.values()[1]).isCloseTo(-0.5f, within(1e-6f));
        }
    }

    @Test
    void alphaBetaSplitsContributionsOfNegativeInputsBySignToo() {
        try (BlockModel model = dense(new float[] {2, -1, 1, 1}, new float[] {0, 0})) {
            float[] x = {-1, 3};
            // contributions to y0: x0 w00 = −2, x1 w01 = −3 (both negative): z⁺ = 0, z⁻ = −5, z0 = −5
            // α = 1, β = 0 passes no negative part: nothing is left; α = 2, β = 1: R_j = −β (xw)_j / z⁻ · z0
            Attribution zPlus = RuleBasedAttribution.lrp(model, LrpPreset.alphaBeta(1)).explain(x, Target.index(0));
            assertThat(zPlus.values()).containsExactly(new float[] {0f, 0f}, within(1e-6f));
            Attribution alphaBeta = RuleBasedAttribution.lrp(model, LrpPreset.alphaBeta(2)).explain(x, Target.index(0));
            assertThat(alphaBeta.values()[0]).isCloseTo((float) (-1 * -2 / -5.0 * -5), within(1e-5f));
            assertThat(alphaBeta.values()[1]).isCloseTo((float) (-1 * -3 / -5.0 * -5), within(1e-5f));
        }
    }

    @Test
    void boundedRuleGivesRelevanceToBlackPixelsAsItsClosedFormSays() {
        // y0 = −2 x0 + x1, x = (0, 0.5) in the box [0, 1]: terms x w − l w⁺ − h w⁻ are 2 and 0.5, z^B = 2.5, z0 = 0.5
        try (BlockModel model = dense(new float[] {-2, 1, 1, 1}, new float[] {0, 0})) {
            Attribution a = RuleBasedAttribution.lrp(model, LrpPreset.composite(1e-9, 0.25, 0f, 1f))
                    .explain(new float[] {0, 0.5f}, Target.index(0));
            assertThat(a.values()[0]).isCloseTo(0.4f, within(1e-6f));
            assertThat(a.values()[1]).isCloseTo(0.1f, within(1e-6f));
        }
    }

    @Test
    void compositeConservesTheScoreOnABiasFreeNetworkAndDiffersFromEpsilon() {
        try (BlockModel model = biasFreeCnn()) {
            float[][] x = images(4, 6);
            for (float[] image : x) {
                for (int p = 0; p < image.length; p++) {
                    image[p] = Math.max(0f, Math.min(1f, 0.5f + 0.3f * image[p]));
                }
            }
            List<Attribution> composite = RuleBasedAttribution.lrp(model, LrpPreset.composite(1e-9, 0.25, 0f, 1f))
                    .explain(x, Target.PREDICTED);
            List<Attribution> epsilon = RuleBasedAttribution.lrp(model, LrpPreset.epsilon(1e-9)).explain(x,
                    Target.PREDICTED);
            for (int i = 0; i < x.length; i++) {
                double score = composite.get(i).diagnostics().get("score");
                // z^B, γ and ε (at 1e-9) all conserve relevance when no layer has a bias
                assertThat(composite.get(i).sum()).isCloseTo(score, within(1e-4 * Math.max(1, Math.abs(score))));
                assertThat(composite.get(i).values()).isNotEqualTo(epsilon.get(i).values());
            }
        }
    }
}
