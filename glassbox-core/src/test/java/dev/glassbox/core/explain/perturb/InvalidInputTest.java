package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import org.junit.jupiter.api.Test;

/** Bad input fails early with an {@link InvalidInputException} that says what was wrong. */
class InvalidInputTest {
    private static final FunctionModel MODEL = LinearModelTest.linear(new float[] {1, 2, 3, 4}, 0);

    private static PerturbationExplainer shap() {
        return PerturbationExplainer.builder(MODEL, KernelShap.builder().build()).build();
    }

    @Test
    void anInputOfTheWrongSize() {
        assertThatThrownBy(() -> shap().explain(new float[3], Target.index(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("3 values")
                .hasMessageContaining("expects 4");
    }

    @Test
    void anInputHoldingNaN() {
        assertThatThrownBy(() -> shap().explain(new float[] {1, Float.NaN, 0, 0}, Target.index(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN").hasMessageContaining("index 1");
    }

    @Test
    void anUnknownTarget() {
        assertThatThrownBy(() -> shap().explain(new float[4], Target.index(3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("target class 3 is out of range");
    }

    @Test
    void aBudgetTooSmallForOneRow() {
        PerturbationExplainer explainer = PerturbationExplainer.builder(MODEL, FeatureAblation.ablation())
                .execution(Execution.defaults().withBudgetBytes(8)).build();

        assertThatThrownBy(() -> explainer.explain(new float[4], Target.index(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("budget of 8 bytes")
                .hasMessageContaining("at least 20 bytes");
    }

    @Test
    void aBackgroundOfTheWrongWidthOrWithNaN() {
        PerturbationExplainer wrongWidth = PerturbationExplainer.builder(MODEL, KernelShap.builder().build())
                .baseline(Background.of(new float[5])).build();
        assertThatThrownBy(() -> wrongWidth.explain(new float[4], Target.index(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("background rows have 5 values");
        assertThatThrownBy(() -> Background.of(new float[] {0, Float.POSITIVE_INFINITY}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("background row 0");
        assertThatThrownBy(() -> Background.of())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("background is empty");
    }

    @Test
    void aGroupingForAnotherShape() {
        PerturbationExplainer explainer = PerturbationExplainer.builder(MODEL, FeatureAblation.ablation())
                .grouping(FeatureGrouping.elements(Shape.of(2, 2))).build();

        assertThatThrownBy(() -> explainer.explain(new float[4], Target.index(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("shape 2×2");
    }

    @Test
    void aWindowLargerThanTheInputOrStridesLargerThanTheWindow() {
        assertThatThrownBy(() -> Occlusion.builder(MODEL).window(5).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not fit input shape 4");
        assertThatThrownBy(() -> Occlusion.builder(MODEL).window(2).strides(3).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("every element is covered");
        assertThatThrownBy(() -> Occlusion.builder(MODEL).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("window shape");
    }

    @Test
    void tooManyFeaturesForExactShapley() {
        FunctionModel wide = LinearModelTest.linear(new float[20], 0);
        PerturbationExplainer explainer = PerturbationExplainer.builder(wide, ShapleyExact.create()).build();

        assertThatThrownBy(() -> explainer.explain(new float[20], Target.index(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2^20")
                .hasMessageContaining("shapley-sampling or kernel-shap");
    }

    @Test
    void badMethodSettings() {
        assertThatThrownBy(() -> ShapleySampling.builder().permutations(3))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 4 permutations");
        assertThatThrownBy(() -> Lime.builder().samples(1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Sis.withThreshold(Double.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Surrogate.lime(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kernel width");
        assertThatThrownBy(() -> Execution.defaults().withThreads(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Background.summarize(new float[][] {{1}, {2}}, 3, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("k must be between 1 and the number of rows");
    }

    @Test
    void aModelReturningNaNIsReportedNotPropagated() {
        FunctionModel broken = FunctionModel.ofScores(Shape.of(2), 1, batch -> {
            float[][] out = new float[batch.length][1];
            for (int r = 0; r < batch.length; r++) {
                out[r][0] = batch[r][0] == 0 ? Float.NaN : 1;
            }
            return out;
        });
        PerturbationExplainer explainer = PerturbationExplainer.builder(broken, FeatureAblation.ablation()).build();

        assertThatThrownBy(() -> explainer.explain(new float[] {1, 1}, Target.index(0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NaN");
    }
}
