package dev.glassbox.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.perturb.Background;
import dev.glassbox.core.explain.perturb.ShapleyExact;
import dev.glassbox.core.explain.perturb.PerturbationExplainer;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainEachClassTest {
    @Test
    void eachClassGetsItsOwnShapleyValuesInClassOrder() {
        // class 0 reads x0 − x1, class 1 reads 2·x2: exact Shapley values against a zero background are w ⊙ x
        Model model = FunctionModel.ofScores(Shape.of(3), 2, batch -> {
            float[][] out = new float[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                out[i] = new float[] {batch[i][0] - batch[i][1], 2 * batch[i][2]};
            }
            return out;
        });
        Explainer shapley = PerturbationExplainer.builder(model, ShapleyExact.create())
                .grouping(FeatureGrouping.columns(List.of("a", "b", "c"))).baseline(Background.of(new float[3]))
                .build();
        List<Attribution> all = shapley.explainEachClass(new float[] {1, 3, 0.5f}, model.outputSize());
        assertThat(all).extracting(Attribution::target).containsExactly(0, 1);
        assertThat(all.get(0).values()).containsExactly(new float[] {1, -3, 0}, within(1e-6f));
        assertThat(all.get(1).values()).containsExactly(new float[] {0, 0, 1}, within(1e-6f));
    }
}
