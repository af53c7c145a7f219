package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.perturb.PredictionDifference.Sampling;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Prediction difference analysis against closed forms and models whose dependence is known. */
class PredictionDifferenceTest {
    private static final int H = 8;
    private static final int W = 8;
    /** The region the local model reads: rows 2..3, columns 5..6. */
    private static final int R0 = 2;
    private static final int R1 = 3;
    private static final int C0 = 5;
    private static final int C1 = 6;

    /** Two-class logits {0, 3·Σ region − 2}: the output depends on the 2×2 region alone. */
    private static FunctionModel localModel(int channels) {
        return FunctionModel.ofLogits(Shape.of(channels, H, W), 2, batch -> {
            float[][] out = new float[batch.length][2];
            for (int r = 0; r < batch.length; r++) {
                float sum = 0;
                for (int ch = 0; ch < channels; ch++) {
                    for (int y = R0; y <= R1; y++) {
                        for (int x = C0; x <= C1; x++) {
                            sum += batch[r][ch * H * W + y * W + x];
                        }
                    }
                }
                out[r][1] = 3 * sum - 2;
            }
            return out;
        });
    }

    private static float[][] randomImages(int count, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][size];
        for (float[] row : out) {
            for (int i = 0; i < size; i++) {
                row[i] = (float) random.nextDouble();
            }
        }
        return out;
    }

    /** Whether some k×k window at stride 1 covering pixel (y, x) overlaps the region. */
    private static boolean touchesRegion(int y, int x, int k) {
        for (int r = Math.max(0, y - k + 1); r <= Math.min(y, H - k); r++) {
            for (int c = Math.max(0, x - k + 1); c <= Math.min(x, W - k); c++) {
                if (r <= R1 && r + k - 1 >= R0 && c <= C1 && c + k - 1 >= C0) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void windowsDisjointFromWhatTheModelReadsHaveZeroEvidence() {
        for (Sampling sampling : Sampling.values()) {
            for (int channels : new int[] {1, 3}) {
                int k = 3;
                float[] x = randomImages(1, channels * H * W, 11)[0];
                Attribution a = PredictionDifference.builder(localModel(channels)).window(k).padding(1).samples(6)
                        .sampling(sampling).training(randomImages(40, channels * H * W, 5)).seed(3).build()
                        .explain(x, Target.index(1));
                int zeros = 0;
                int nonzero = 0;
                for (int ch = 0; ch < channels; ch++) {
                    for (int y = 0; y < H; y++) {
                        for (int xx = 0; xx < W; xx++) {
                            float v = a.values()[ch * H * W + y * W + xx];
                            if (touchesRegion(y, xx, k)) {
                                nonzero += v != 0 ? 1 : 0;
                            } else {
                                assertThat(v).as("%s, %d channels, pixel (%d, %d)", sampling, channels, y, xx)
                                        .isEqualTo(0f);
                                zeros++;
                            }
                        }
                    }
                }
                assertThat(zeros).isPositive();
                assertThat(nonzero).as("pixels next to the region carry evidence").isPositive();
                assertThat(a.method()).isEqualTo("pda");
                assertThat(a.params()).containsEntry("sampling", sampling.toString()).containsEntry("window", 3);
            }
        }
    }

    private static final float[] WEIGHTS = {1.5f, -2f, 0.7f, 3f};
    private static final float BIAS = -0.4f;

    /** Logits {0, w·x + b}: p(class 1 | x) = σ(w·x + b). */
    private static FunctionModel logistic() {
        return FunctionModel.ofLogits(Shape.of(1, 1, WEIGHTS.length), 2, batch -> {
            float[][] out = new float[batch.length][2];
            for (int r = 0; r < batch.length; r++) {
                float z = BIAS;
                for (int i = 0; i < WEIGHTS.length; i++) {
                    z += WEIGHTS[i] * batch[r][i];
                }
                out[r][1] = z;
            }
            return out;
        });
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double log2Odds(double p, long n, int k) {
        double q = (p * n + 1) / (n + k);
        return Math.log(q / (1 - q)) / Math.log(2);
    }

    /** WE_i = log₂odds L(σ(w·x + b)) − log₂odds L(Σ_v P(x_i = v) σ(w·x − w_i x_i + w_i v + b)). */
    private static double closedForm(float[] x, int i, double[] values, double[] probs, long n) {
        double z = BIAS;
        for (int j = 0; j < WEIGHTS.length; j++) {
            z += WEIGHTS[j] * x[j];
        }
        double without = 0;
        for (int v = 0; v < values.length; v++) {
            without += probs[v] * sigmoid(z - WEIGHTS[i] * x[i] + WEIGHTS[i] * values[v]);
        }
        return log2Odds(sigmoid(z), n, 2) - log2Odds(without, n, 2);
    }

    @Test
    void marginalSamplingOfALogisticModelMatchesTheClosedFormWhenEnumerated() {
        // Five training rows; column i takes the values below, so each feature's marginal is uniform over them.
        float[][] training = {
            {0.0f, 1.0f, 0.5f, 0.2f},
            {0.5f, 0.0f, 1.0f, 0.9f},
            {1.0f, 0.5f, 0.0f, 0.2f},
            {0.0f, 1.0f, 0.5f, 0.4f},
            {1.0f, 1.0f, 1.0f, 0.0f},
        };
        float[] x = {0.8f, 0.1f, 0.3f, 0.6f};
        long n = 60_000;
        Attribution a = PredictionDifference.builder(logistic()).window(1).padding(0).samples(5)
                .sampling(Sampling.MARGINAL).training(training).trainingCount(n).build().explain(x, Target.index(1));

        assertThat(a.diagnostics()).containsEntry("exact", 1.0).containsEntry("windows", 4.0);
        for (int i = 0; i < WEIGHTS.length; i++) {
            double[] values = new double[training.length];
            double[] probs = new double[training.length];
            for (int t = 0; t < training.length; t++) {
                values[t] = training[t][i];
                probs[t] = 1.0 / training.length;
            }
            assertThat((double) a.values()[i]).as("feature %d", i)
                    .isCloseTo(closedForm(x, i, values, probs, n), within(2e-5));
        }
    }

    @Test
    void marginalSamplingOfALogisticModelMatchesTheClosedFormWithinMonteCarloError() {
        // Every column holds 0, 1 and 2 in proportions 0.5, 0.3, 0.2, shuffled independently per column.
        double[] values = {0, 1, 2};
        double[] probs = {0.5, 0.3, 0.2};
        int rows = 10_000;
        float[][] training = new float[rows][WEIGHTS.length];
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < WEIGHTS.length; i++) {
            float[] column = new float[rows];
            for (int t = 0; t < rows; t++) {
                column[t] = t < 5000 ? 0 : t < 8000 ? 1 : 2;
            }
            for (int t = rows - 1; t > 0; t--) {
                int u = random.nextInt(t + 1);
                float swap = column[t];
                column[t] = column[u];
                column[u] = swap;
            }
            for (int t = 0; t < rows; t++) {
                training[t][i] = column[t];
            }
        }
        float[] x = {1f, 0f, 2f, 0.5f};
        Attribution a = PredictionDifference.builder(logistic()).window(1).padding(0).samples(5000)
                .sampling(Sampling.MARGINAL).training(training).seed(9).build().explain(x, Target.index(1));

        assertThat(a.diagnostics()).containsEntry("exact", 0.0);
        for (int i = 0; i < WEIGHTS.length; i++) {
            double expected = closedForm(x, i, values, probs, rows);
            assertThat((double) a.values()[i]).as("feature %d", i).isCloseTo(expected, within(0.15));
        }
        // Feature 2 (weight 0.7, x = 2, far above its mean) and feature 3 (weight 3) carry clear evidence for class 1.
        assertThat(a.values()[2]).isGreaterThan(0.5f);
        assertThat(a.values()[1]).isGreaterThan(0.5f);
    }

    @Test
    void theGaussianConditionalMatchesTheSchurComplementWorkedByHand() {
        double[] mean = {1, 2, 3};
        double[][] sigma = {{4, 2, 1}, {2, 3, 0.5}, {1, 0.5, 2}};

        // x₀ given (x₁, x₂) = (4, 1): Σ_bb⁻¹ = [[2, −0.5], [−0.5, 3]] / 5.75, gain = [3.5, 2] / 5.75.
        ConditionalGaussian one = ConditionalGaussian.of(mean, sigma, new int[] {0}, new int[] {1, 2});
        assertThat(one.mean(new double[] {4, 1})[0]).isCloseTo(1 + 3.5 / 5.75 * 2 + 2 / 5.75 * -2, within(1e-12));
        assertThat(one.covariance()[0][0]).isCloseTo(4 - 9 / 5.75, within(1e-12));

        // (x₀, x₂) given x₁ = 5: mean μ_a + Σ_a1 (5 − 2) / 3, covariance Σ_aa − Σ_a1 Σ_1a / 3.
        ConditionalGaussian two = ConditionalGaussian.of(mean, sigma, new int[] {0, 2}, new int[] {1});
        assertThat(two.mean(new double[] {5})).containsExactly(new double[] {3, 3.5}, within(1e-12));
        double[][] cov = two.covariance();
        assertThat(cov[0]).containsExactly(new double[] {8.0 / 3, 2.0 / 3}, within(1e-12));
        assertThat(cov[1]).containsExactly(new double[] {2.0 / 3, 23.0 / 12}, within(1e-12));

        // Draws follow that distribution.
        SplittableRandom random = new SplittableRandom(1);
        int draws = 200_000;
        double[] sum = new double[2];
        double[][] outer = new double[2][2];
        for (int d = 0; d < draws; d++) {
            double[] s = two.sample(new double[] {5}, random);
            for (int i = 0; i < 2; i++) {
                sum[i] += s[i];
                for (int j = 0; j < 2; j++) {
                    outer[i][j] += s[i] * s[j];
                }
            }
        }
        double[] m = {sum[0] / draws, sum[1] / draws};
        assertThat(m).containsExactly(new double[] {3, 3.5}, within(0.02));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(outer[i][j] / draws - m[i] * m[j]).isCloseTo(cov[i][j], within(0.03));
            }
        }
        // With nothing observed, the marginal.
        ConditionalGaussian marginal = ConditionalGaussian.of(mean, sigma, new int[] {1}, new int[0]);
        assertThat(marginal.mean(new double[0])).containsExactly(2.0);
        assertThat(marginal.covariance()[0][0]).isEqualTo(3.0);
    }

    @Test
    void conditionalSamplingFollowsTheSurround() {
        // Training images are flat (one grey level each, plus faint noise): given its surround, a window is that grey.
        // On a flat input the conditional samples recreate the window, so nothing is lost; marginal samples are not.
        SplittableRandom random = new SplittableRandom(4);
        float[][] training = new float[300][H * W];
        for (float[] image : training) {
            double level = random.nextDouble();
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) (level + 0.01 * random.nextGaussian());
            }
        }
        float[] flat = new float[H * W];
        java.util.Arrays.fill(flat, 0.9f);
        PredictionDifference.Builder builder = PredictionDifference.builder(localModel(1)).window(2).padding(1)
                .samples(20).training(training).seed(2);
        Attribution conditional = builder.sampling(Sampling.CONDITIONAL).build().explain(flat, Target.index(1));
        Attribution marginal = builder.sampling(Sampling.MARGINAL).build().explain(flat, Target.index(1));
        int centre = R0 * W + C0;
        assertThat(Math.abs(conditional.values()[centre])).isLessThan(0.2f);
        assertThat(marginal.values()[centre]).isGreaterThan(1f);
        assertThat(conditional.diagnostics().get("patches")).isEqualTo(300.0 * 5 * 5);
        // A cap on the patches keeps about that many, spread over all images and positions.
        Attribution capped = builder.sampling(Sampling.CONDITIONAL).estimationPatches(1000).build()
                .explain(flat, Target.index(1));
        assertThat(capped.diagnostics().get("patches")).isBetween(850.0, 1150.0);
        assertThat(Math.abs(capped.values()[centre])).isLessThan(0.2f);
    }

    @Test
    void resultsDoNotDependOnThreadsOrChunks() {
        float[] x = randomImages(1, 3 * H * W, 8)[0];
        float[][] training = randomImages(30, 3 * H * W, 9);
        for (Sampling sampling : Sampling.values()) {
            PredictionDifference.Builder builder = PredictionDifference.builder(localModel(3)).window(3).padding(2)
                    .samples(7).sampling(sampling).training(training).seed(5).stride(2);
            float[] one = builder.build().explain(x, Target.PREDICTED).values();
            float[] many = builder.execution(Execution.defaults().withThreads(4).withBatchSize(5)).build()
                    .explain(x, Target.PREDICTED).values();
            assertThat(many).containsExactly(one);
        }
    }

    @Test
    void badInputIsRefusedWithOneClearLine() {
        FunctionModel model = localModel(1);
        float[][] training = randomImages(3, H * W, 1);
        assertOneLine(() -> PredictionDifference.builder(model).window(9).training(training).build(), "window 9");
        assertOneLine(() -> PredictionDifference.builder(model).window(2).padding(-1), "padding");
        assertOneLine(() -> PredictionDifference.builder(model).window(2).build(), "training images");
        assertOneLine(() -> PredictionDifference.builder(model).window(2).training(new float[0][]).build(),
                "training images");
        assertOneLine(() -> PredictionDifference.builder(model).window(4).padding(3).training(training).build(),
                "padding");
        assertOneLine(() -> PredictionDifference.builder(model).window(2).training(new float[][] {{1, 2}}).build(),
                "training image 0");
        assertOneLine(() -> Sampling.parse("gibbs"), "marginal or conditional");
    }

    private static void assertOneLine(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String mention) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining(mention)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
