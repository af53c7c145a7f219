package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every method fills the shared attribution the same way: names, parameters, diagnostics, grouping. */
class AttributionContractTest {
    private static final Shape SHAPE = Shape.of(2, 3);
    private static final FeatureGrouping GROUPS = FeatureGrouping.labels(SHAPE, new int[] {0, 0, 1, 2, 2, -1});
    private static final FunctionModel MODEL = FunctionModel.ofLogits(SHAPE, 2, batch -> {
        float[][] out = new float[batch.length][2];
        for (int r = 0; r < batch.length; r++) {
            float[] x = batch[r];
            out[r][0] = x[0] * x[2] + x[3] - x[4] + x[5];
            out[r][1] = -out[r][0];
        }
        return out;
    });
    private static final float[] X = {1, 2, 3, 4, 5, 6};

    private static Attribution explain(CoalitionMethod method) {
        return PerturbationExplainer.builder(MODEL, method).grouping(GROUPS).baseline(Baseline.constant(1f))
                .probabilities(true).build().explain(X, Target.PREDICTED);
    }

    @Test
    void everyMethodReportsItsCommandLineNameAndSettings() {
        Map<String, CoalitionMethod> methods = Map.of(
                "ablation", FeatureAblation.ablation(),
                "lime", Lime.builder().samples(50).seed(7).build(),
                "kernel-shap", KernelShap.builder().seed(7).build(),
                "shapley-exact", ShapleyExact.create(),
                "shapley-sampling", ShapleySampling.builder().seed(7).build(),
                "sis", Sis.withThreshold(0.5));
        for (Map.Entry<String, CoalitionMethod> e : methods.entrySet()) {
            Attribution a = explain(e.getValue());

            assertThat(a.method()).isEqualTo(e.getKey());
            assertThat(a.shape()).isEqualTo(Shape.of(3));
            assertThat(a.featureNames()).containsExactly("group 0", "group 1", "group 2");
            assertThat(a.grouping()).isSameAs(GROUPS);
            assertThat(a.target()).isEqualTo(0);
            assertThat(a.params()).containsEntry("output", "probability").containsEntry("baseline", "constant(1.0)")
                    .containsKey("grouping");
            assertThat(a.diagnostics().get("modelEvaluations")).isPositive();
            if (!List.of("ablation", "shapley-exact", "sis").contains(e.getKey())) {
                assertThat(a.params()).as(e.getKey()).containsEntry("seed", 7L);
            }
            assertThat(a.hasStandardErrors()).isEqualTo(e.getKey().equals("shapley-sampling"));
        }
    }

    @Test
    void groupValuesAreMappedBackOntoTheInputAsCaptumFeatureMasksDo() {
        Attribution a = explain(FeatureAblation.ablation());

        float[] onInput = a.inputValues();
        assertThat(onInput).hasSize(6);
        assertThat(onInput[0]).isEqualTo(a.values()[0]);
        assertThat(onInput[1]).isEqualTo(a.values()[0]);
        assertThat(onInput[2]).isEqualTo(a.values()[1]);
        assertThat(onInput[4]).isEqualTo(a.values()[2]);
        assertThat(onInput[5]).isZero();
    }

    @Test
    void kernelShapAndExactShapleyAgreeOnASmallNonlinearModel() {
        Attribution shap = explain(KernelShap.builder().build());
        Attribution exact = explain(ShapleyExact.create());

        assertThat(shap.values()).containsExactly(exact.values(), within(1e-5f));
        assertThat(shap.diagnostics().get("additivityError")).isLessThan(1e-9);
        assertThat(shap.sum()).isCloseTo(shap.diagnostics().get("modelPrediction")
                - shap.diagnostics().get("expectedValue"), within(1e-5));
    }
}
