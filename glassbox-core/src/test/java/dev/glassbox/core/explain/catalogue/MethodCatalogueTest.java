package dev.glassbox.core.explain.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.perturb.Background;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.PerturbationExplainer;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodCatalogueTest {
    private static final Model PRODUCT = FunctionModel.ofScores(Shape.of(3), 1, batch -> {
        float[][] out = new float[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            out[i] = new float[] {batch[i][0] * batch[i][1] + batch[i][2]};
        }
        return out;
    });

    @Test
    void coreAloneListsThePerturbationMethodsInHelpOrder() {
        MethodCatalogue catalogue = MethodCatalogue.standard();
        assertThat(catalogue.names()).containsExactly("occlusion", "ablation", "lime", "kernel-shap",
                "shapley-sampling", "shapley-exact", "sis", "pda");
        assertThat(catalogue.require(" Kernel-SHAP ").family()).isEqualTo("perturbation");
        assertThat(catalogue.require("pda").needs()).containsExactly(Requirement.BACKGROUND);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> MethodCatalogue.standard().require("integrated-gradients"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown method 'integrated-gradients': expected one of occlusion, ablation, lime, "
                        + "kernel-shap, shapley-sampling, shapley-exact, sis, pda");
    }

    @Test
    void aMethodFromTheCatalogueIsTheOneItsBuilderMakes() {
        float[][] background = {{0, 0, 0}, {1, 2, 0.5f}, {2, 1, 1}};
        float[] x = {1.5f, -1, 2};
        List<String> columns = List.of("a", "b", "c");
        MethodSettings settings = MethodSettings.builder().seed(3).background(background).columns(columns).build();
        Attribution fromCatalogue = MethodCatalogue.standard().create("kernel-shap", PRODUCT, settings)
                .explain(x, Target.index(0));
        Attribution direct = PerturbationExplainer.builder(PRODUCT, KernelShap.builder().seed(3).build())
                .grouping(FeatureGrouping.columns(columns)).baseline(Background.of(background)).build()
                .explain(x, Target.index(0));
        assertThat(fromCatalogue.values()).containsExactly(direct.values());
        assertThat(fromCatalogue.featureNames()).isEqualTo(columns);
    }

    @Test
    void methodsThatNeedABackgroundSaySo() {
        MethodSettings tabular = MethodSettings.builder().columns(List.of("a", "b", "c")).build();
        assertThatThrownBy(() -> MethodCatalogue.standard().create("lime", PRODUCT, tabular))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a background");
        assertThatThrownBy(() -> MethodCatalogue.standard().create("pda", PRODUCT, MethodSettings.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a background");
    }

    @Test
    void featureNamesGivenOnceOnTheModelNameEveryPerturbationMethodsFeatures() {
        Model named = ((FunctionModel) PRODUCT).withFeatureNames(List.of("price", "quantity", "fee"));
        MethodSettings settings = MethodSettings.builder().background(new float[][] {{0, 0, 0}}).build();
        for (String method : List.of("kernel-shap", "shapley-exact", "ablation")) {
            Attribution a = MethodCatalogue.standard().create(method, named, settings).explain(new float[] {2, 3, 1},
                    Target.index(0));
            assertThat(a.featureNames()).as(method).containsExactly("price", "quantity", "fee");
            // Shapley values split f(x) − f(0) = 2·3 + 1; ablation removes one feature at a time: 6 + 6 + 1
            assertThat(a.sum()).as(method).isCloseTo(method.equals("ablation") ? 13 : 7, within(1e-5));
        }
    }
}
