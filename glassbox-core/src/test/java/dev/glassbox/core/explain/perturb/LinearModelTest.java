package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** On f(x) = w·x + b the attributions of every method are known in closed form. */
class LinearModelTest {
    static final float[] W = {2.0f, -1.5f, 0.5f, 3.0f, -0.25f, 1.0f};
    static final float B = 0.75f;

    static FunctionModel linear(float[] w, float b) {
        return FunctionModel.ofScores(Shape.of(w.length), 1, batch -> {
            float[][] out = new float[batch.length][1];
            for (int r = 0; r < batch.length; r++) {
                double y = b;
                for (int i = 0; i < w.length; i++) {
                    y += w[i] * batch[r][i];
                }
                out[r][0] = (float) y;
            }
            return out;
        });
    }

    private static final float[] X = {1.5f, 2.0f, -1.0f, 0.5f, 4.0f, -2.0f};
    private static final float[] R = {0.5f, -1.0f, 1.0f, 0.0f, 2.0f, 1.0f};

    @Test
    void kernelShapWithOneBackgroundRowGivesWeightTimesDifference() {
        Attribution a = PerturbationExplainer.builder(linear(W, B), KernelShap.builder().build())
                .baseline(Background.of(R)).build().explain(X, Target.index(0));

        for (int i = 0; i < W.length; i++) {
            assertThat(a.values()[i]).isCloseTo(W[i] * (X[i] - R[i]), within(1e-4f));
        }
        assertThat(a.method()).isEqualTo("kernel-shap");
        assertThat(a.diagnostics()).containsEntry("exact", 1.0);
        assertThat(a.diagnostics().get("expectedValue")).isCloseTo(dot(W, R) + B, within(1e-4));
    }

    @Test
    void sampledKernelShapIsStillExactOnAnAdditiveModel() {
        float[] w = new float[14];
        float[] x = new float[14];
        Random random = new Random(4);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
            x[i] = (float) random.nextGaussian();
        }
        Attribution a = PerturbationExplainer.builder(linear(w, 0), KernelShap.builder().samples(300).seed(2).build())
                .build().explain(x, Target.index(0));

        assertThat(a.diagnostics()).containsEntry("exact", 0.0).containsEntry("coalitions", 302.0);
        for (int i = 0; i < w.length; i++) {
            assertThat(a.values()[i]).isCloseTo(w[i] * x[i], within(1e-4f));
        }
    }

    @Test
    void kernelShapTakesTheExpectationOverTheBackground() {
        float[][] rows = {R, {1, 1, 1, 1, 1, 1}, {0, 2, 0, -2, 0, 3}};
        Attribution a = PerturbationExplainer.builder(linear(W, B), KernelShap.builder().build())
                .baseline(Background.of(rows)).build().explain(X, Target.index(0));

        double expected = 0;
        for (float[] row : rows) {
            expected += (dot(W, row) + B) / rows.length;
        }
        assertThat(a.diagnostics().get("expectedValue")).isCloseTo(expected, within(1e-4));
        assertThat(a.sum()).isCloseTo(dot(W, X) + B - expected, within(1e-3));
        for (int i = 0; i < W.length; i++) {
            double meanBackground = (rows[0][i] + rows[1][i] + rows[2][i]) / 3.0;
            assertThat((double) a.values()[i]).isCloseTo(W[i] * (X[i] - meanBackground), within(1e-4));
        }
    }

    @Test
    void exactShapleyMatchesTheClosedForm() {
        Attribution a = PerturbationExplainer.builder(linear(W, B), ShapleyExact.create())
                .baseline(Background.of(R)).build().explain(X, Target.index(0));

        for (int i = 0; i < W.length; i++) {
            assertThat(a.values()[i]).isCloseTo(W[i] * (X[i] - R[i]), within(1e-4f));
        }
    }

    @Test
    void occlusionWithSingleElementWindowsAndZeroBaselineGivesWeightTimesInput() {
        FunctionModel model = FunctionModel.ofScores(Shape.of(2, 3), 1, linear(W, B)::predict);
        Attribution a = Occlusion.builder(model).window(1, 1).build().explain(X, Target.index(0));

        assertThat(a.shape()).isEqualTo(Shape.of(2, 3));
        for (int i = 0; i < W.length; i++) {
            assertThat(a.values()[i]).isCloseTo(W[i] * X[i], within(1e-4f));
        }
    }

    @Test
    void limeOnCoalitionsRecoversSignAndRankingOfTheWeights() {
        float[] ones = new float[W.length];
        Arrays.fill(ones, 1f);
        Attribution a = PerturbationExplainer.builder(linear(W, B), Lime.builder().seed(5).build())
                .build().explain(ones, Target.index(0));

        for (int i = 0; i < W.length; i++) {
            assertThat(Math.signum(a.values()[i])).isEqualTo(Math.signum(W[i]));
            assertThat(a.values()[i]).isCloseTo(W[i], within(0.05f));
        }
        assertThat(ranking(a.values())).containsExactly(ranking(W));
        assertThat(a.diagnostics().get("r2")).isGreaterThan(0.99);
        assertThat(a.diagnostics().get("modelPrediction")).isCloseTo(dot(W, ones) + B, within(1e-4));
    }

    @Test
    void tabularLimeRecoversSignAndRankingOfTheWeights() {
        float[] w = {4f, -2.5f, 1.5f, -0.75f};
        Random random = new Random(11);
        float[][] training = new float[400][w.length];
        for (float[] row : training) {
            for (int j = 0; j < w.length; j++) {
                row[j] = random.nextFloat();
            }
        }
        float[] x = {0.9f, 0.9f, 0.9f, 0.9f};
        Attribution a = LimeTabular.builder(linear(w, 1f), training).seed(9).build().explain(x, Target.index(0));

        for (int j = 0; j < w.length; j++) {
            assertThat(Math.signum(a.values()[j])).isEqualTo(Math.signum(w[j]));
        }
        assertThat(ranking(a.values())).containsExactly(ranking(w));
        assertThat(a.featureNames().get(0)).matches("x\\[0\\] > 0\\.\\d\\d");
        assertThat(a.method()).isEqualTo("lime");
        assertThat(a.params()).containsEntry("seed", 9L).containsEntry("samples", 5000);
        assertThat(a.diagnostics()).containsKeys("r2", "intercept", "localPrediction");
    }

    /** Feature indices by decreasing absolute value. */
    static Integer[] ranking(float[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (p, q) -> Float.compare(Math.abs(values[q]), Math.abs(values[p])));
        return order;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
