package dev.glassbox.djl.interpretable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Block;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.zoo.FashionVit;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionRolloutTest {
    private static final int TOKENS = 5;

    @Test
    void attentionMatchesSoftmaxOfScaledQueryKeyProductsComputedByHand() {
        try (BlockModel model = InterpretableNets.vit(1, 2)) {
            float[][] inputs = InterpretableNets.uniform(2, 16, 4);
            float[][][][] attention = new AttentionMaps(model, FashionVit.blocks(1)).of(inputs);
            float[][] tokens = model.activations(inputs, "patches");
            for (int i = 0; i < inputs.length; i++) {
                double[][][] expected = byHand(model.layers().layer("block1"), tokens[i], 2);
                for (int h = 0; h < 2; h++) {
                    for (int q = 0; q < TOKENS; q++) {
                        double rowSum = 0;
                        for (int k = 0; k < TOKENS; k++) {
                            float a = attention[i][0][h][q * TOKENS + k];
                            assertThat((double) a).isCloseTo(expected[h][q][k], within(1e-5));
                            rowSum += a;
                        }
                        assertThat(rowSum).isCloseTo(1, within(1e-6));
                    }
                }
            }
        }
    }

    @Test
    void rolloutOfOneLayerOneHeadIsHalfAttentionPlusHalfIdentity() {
        try (BlockModel model = InterpretableNets.vit(1, 1)) {
            float[][] inputs = InterpretableNets.uniform(2, 16, 5);
            AttentionMaps maps = new AttentionMaps(model, FashionVit.blocks(1));
            float[][][][] attention = maps.of(inputs);
            List<Attribution> rollout = AttentionRollout.rollout(model, maps).explain(inputs, Target.PREDICTED);
            for (int i = 0; i < inputs.length; i++) {
                double[][] a = byHand(model.layers().layer("block1"), model.activations(inputs, "patches")[i], 1)[0];
                double[][] r = AttentionRollout.matrix(attention[i], TOKENS);
                for (int q = 0; q < TOKENS; q++) {
                    for (int k = 0; k < TOKENS; k++) {
                        assertThat(r[q][k]).isCloseTo(0.5 * a[q][k] + (q == k ? 0.5 : 0), within(1e-5));
                    }
                }
                float[] patches = new float[TOKENS - 1];
                for (int p = 0; p < patches.length; p++) {
                    patches[p] = (float) (0.5 * a[0][p + 1]);
                }
                float[] expected = Upsampling.BILINEAR.resize(patches, 2, 2, 4, 4);
                float[] map = rollout.get(i).values();
                for (int p = 0; p < expected.length; p++) {
                    assertThat(map[p]).isCloseTo(expected[p], within(1e-5f));
                }
            }
        }
    }

    @Test
    void rolloutOfTwoLayersMultipliesTheMixedHeadMeans() {
        try (BlockModel model = InterpretableNets.vit(2, 2)) {
            float[][] inputs = InterpretableNets.uniform(1, 16, 6);
            float[][][] attention = new AttentionMaps(model, FashionVit.blocks(2)).of(inputs)[0];
            double[][] r = AttentionRollout.matrix(attention, TOKENS);
            double[][][] mixed = new double[2][TOKENS][TOKENS];
            for (int l = 0; l < 2; l++) {
                for (int q = 0; q < TOKENS; q++) {
                    for (int k = 0; k < TOKENS; k++) {
                        double mean = ((double) attention[l][0][q * TOKENS + k] + attention[l][1][q * TOKENS + k]) / 2;
                        mixed[l][q][k] = 0.5 * mean + (q == k ? 0.5 : 0);
                    }
                }
            }
            for (int q = 0; q < TOKENS; q++) {
                double rowSum = 0;
                for (int k = 0; k < TOKENS; k++) {
                    double expected = 0;
                    for (int m = 0; m < TOKENS; m++) {
                        expected += mixed[1][q][m] * mixed[0][m][k];
                    }
                    assertThat(r[q][k]).isCloseTo(expected, within(1e-9));
                    rowSum += r[q][k];
                }
                assertThat(rowSum).isCloseTo(1, within(1e-6));
            }
        }
    }

    @Test
    void tokenGradCamWeighsEachPatchTokensFeaturesByTheirMeanGradient() {
        try (BlockModel model = InterpretableNets.vit(2, 1)) {
            float[][] inputs = InterpretableNets.uniform(2, 16, 7);
            List<Attribution> maps = new TokenGradCam(model, "block1").explain(inputs, Target.index(1));
            float[][] cotangent = {{0, 1, 0}, {0, 1, 0}};
            LayerGradient g = model.layerGradient(inputs, "block1", cotangent);
            for (int i = 0; i < inputs.length; i++) {
                float[] grid = new float[TOKENS - 1];
                for (int p = 1; p < TOKENS; p++) {
                    double sum = 0;
                    for (int c = 0; c < 4; c++) {
                        double weight = 0;
                        for (int t = 1; t < TOKENS; t++) {
                            weight += g.gradients()[i][t * 4 + c] / (TOKENS - 1);
                        }
                        sum += weight * g.activations()[i][p * 4 + c];
                    }
                    grid[p - 1] = (float) Math.max(0, sum);
                }
                float[] expected = Upsampling.BILINEAR.resize(grid, 2, 2, 4, 4);
                assertThat(maps.get(i).target()).isEqualTo(1);
                double largest = 0;
                for (float v : maps.get(i).values()) {
                    largest = Math.max(largest, v);
                }
                assertThat(largest).as("block1 feeds block2, so its patch tokens matter").isGreaterThan(0);
                for (int p = 0; p < expected.length; p++) {
                    assertThat(maps.get(i).values()[p]).isCloseTo(expected[p], within(1e-6f));
                }
            }
        }
    }

    /**
     * Each head's attention computed in plain Java from the block's parameters: LayerNorm over the features, the
     * query/key rows of the qkv layer, softmax of QKᵀ/√d.
     */
    private static double[][][] byHand(Block block, float[] tokens, int heads) {
        int width = 4;
        int size = width / heads;
        float[] gamma = parameter(block, "norm1_gamma");
        float[] beta = parameter(block, "norm1_beta");
        float[] weight = parameter(block, "qkv_weight");
        float[] bias = parameter(block, "qkv_bias");
        double[][] qkv = new double[TOKENS][3 * width];
        for (int t = 0; t < TOKENS; t++) {
            double mean = 0;
            for (int c = 0; c < width; c++) {
                mean += tokens[t * width + c] / width;
            }
            double var = 0;
            for (int c = 0; c < width; c++) {
                var += Math.pow(tokens[t * width + c] - mean, 2) / width;
            }
            double[] normed = new double[width];
            for (int c = 0; c < width; c++) {
                normed[c] = (tokens[t * width + c] - mean) / Math.sqrt(var + 1e-5) * gamma[c] + beta[c];
            }
            for (int o = 0; o < 3 * width; o++) {
                double sum = bias[o];
                for (int c = 0; c < width; c++) {
                    sum += weight[o * width + c] * normed[c];
                }
                qkv[t][o] = sum;
            }
        }
        double[][][] out = new double[heads][TOKENS][TOKENS];
        for (int h = 0; h < heads; h++) {
            for (int q = 0; q < TOKENS; q++) {
                double[] logits = new double[TOKENS];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < TOKENS; k++) {
                    double dot = 0;
                    for (int d = 0; d < size; d++) {
                        // qkv output features are ordered (q|k|v, head, d)
                        dot += qkv[q][h * size + d] * qkv[k][width + h * size + d];
                    }
                    logits[k] = dot / Math.sqrt(size);
                    max = Math.max(max, logits[k]);
                }
                double total = 0;
                for (int k = 0; k < TOKENS; k++) {
                    logits[k] = Math.exp(logits[k] - max);
                    total += logits[k];
                }
                for (int k = 0; k < TOKENS; k++) {
                    out[h][q][k] = logits[k] / total;
                }
            }
        }
        return out;
    }

    /** The parameter whose name ends in {@code suffix} (DJL numbers child blocks in parameter names). */
    private static float[] parameter(Block block, String suffix) {
        return block.getParameters().stream().filter(p -> p.getKey().endsWith(suffix)).findFirst().orElseThrow()
                .getValue().getArray().toFloatArray();
    }
}
