package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Occlusion against numbers worked out by hand with Captum's window placement and averaging. */
class OcclusionTest {

    /** f(x) = Σ x², so occluding a window (baseline 0) lowers the output by the sum of its squares. */
    private static FunctionModel sumOfSquares(Shape shape) {
        return FunctionModel.ofScores(shape, 1, batch -> {
            float[][] out = new float[batch.length][1];
            for (int r = 0; r < batch.length; r++) {
                for (float v : batch[r]) {
                    out[r][0] += v * v;
                }
            }
            return out;
        });
    }

    @Test
    void overlappingWindowsAreAveragedOverTheWindowsCoveringEachElement() {
        // x = [[1,2,3],[4,5,6],[7,8,9]], 2×2 windows, stride 1: four windows starting at (0,0), (0,1), (1,0), (1,1).
        // Their drops are 1+4+16+25 = 46, 4+9+25+36 = 74, 16+25+49+64 = 154 and 25+36+64+81 = 206.
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Attribution a = Occlusion.builder(sumOfSquares(Shape.of(3, 3))).window(2, 2).build().explain(x, Target.index(0));

        float[] expected = {
            46, (46 + 74) / 2f, 74,
            (46 + 154) / 2f, (46 + 74 + 154 + 206) / 4f, (74 + 206) / 2f,
            154, (154 + 206) / 2f, 206,
        };
        assertThat(a.values()).containsExactly(expected, within(1e-4f));
        assertThat(a.diagnostics()).containsEntry("windows", 4.0);
        assertThat(a.params()).containsEntry("window", List.of(2, 2))
                .containsEntry("strides", List.of(1, 1));
    }

    @Test
    void windowsRunningPastTheEdgeAreCut() {
        // Length 5, window 2, stride 2: ceil((5-2)/2)+1 = 3 windows [0,2), [2,4), [4,5) with drops 1+4, 9+16, 25.
        float[] x = {1, 2, 3, 4, 5};
        Attribution a = Occlusion.builder(sumOfSquares(Shape.of(5))).window(2).strides(2).build()
                .explain(x, Target.index(0));

        assertThat(a.values()).containsExactly(new float[] {5, 5, 25, 25, 25}, within(1e-4f));
    }

    @Test
    void theBaselineReplacesOccludedElements() {
        float[] x = {1, 2, 3, 4, 5};
        Attribution a = Occlusion.builder(sumOfSquares(Shape.of(5))).window(1).baseline(Baseline.constant(1f)).build()
                .explain(x, Target.index(0));

        assertThat(a.values()).containsExactly(new float[] {0, 3, 8, 15, 24}, within(1e-4f));
    }

    @Test
    void aWindowGivenForTheTrailingAxesSpansAllChannels() {
        float[] x = new float[2 * 2 * 2];
        Arrays.fill(x, 1f);
        Attribution a = Occlusion.builder(sumOfSquares(Shape.of(2, 2, 2))).window(1, 1).build()
                .explain(x, Target.index(0));

        assertThat(a.values()).containsOnly(2f);
    }

    @Test
    void aFeatureTheModelCannotSeeGetsExactlyZero() {
        FunctionModel model = FunctionModel.ofScores(Shape.of(4), 1, batch -> {
            float[][] out = new float[batch.length][1];
            for (int r = 0; r < batch.length; r++) {
                out[r][0] = (float) Math.tanh(batch[r][0] * batch[r][1]) + batch[r][3] * batch[r][3];
            }
            return out;
        });
        float[] x = {0.3f, -1.2f, 7f, 0.8f};

        Attribution occlusion = Occlusion.builder(model).window(1).build().explain(x, Target.index(0));
        Attribution shap = PerturbationExplainer.builder(model, KernelShap.builder().build()).build()
                .explain(x, Target.index(0));
        Attribution sampled = PerturbationExplainer.builder(model, ShapleySampling.builder().seed(1).build()).build()
                .explain(x, Target.index(0));

        assertThat(occlusion.values()[2]).isZero();
        assertThat(sampled.values()[2]).isZero();
        assertThat(shap.values()[2]).isCloseTo(0f, within(1e-6f));
        assertThat(shap.values()[3]).isCloseTo(0.64f, within(1e-5f));
    }
}
