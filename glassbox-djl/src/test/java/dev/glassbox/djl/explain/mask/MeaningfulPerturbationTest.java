package dev.glassbox.djl.explain.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import org.junit.jupiter.api.Test;

class MeaningfulPerturbationTest {

    @Test
    void deletesInsideTheSquareOnlyAndDestroysTheClass() {
        // p(class 0) = sigmoid(Σ_square x − 0.85·Σ_square x) ≈ 0.99 on the image: deleting pixels elsewhere only costs
        float[] x = MaskNets.texture(5);
        float sum = 0;
        for (int p = 0; p < x.length; p++) {
            sum += MaskNets.inSquare(p) ? x[p] : 0;
        }
        try (BlockModel model = MaskNets.readsTheSquare(sum - 5)) {
            Attribution a = MeaningfulPerturbation.of(model).perturbation(PathBaseline.zero()).iterations(150).build()
                    .explain(x, Target.index(0));
            double inside = 0;
            double total = 0;
            for (int p = 0; p < x.length; p++) {
                total += a.values()[p];
                inside += MaskNets.inSquare(p) ? a.values()[p] : 0;
            }
            assertThat(a.diagnostics().get("probability")).isGreaterThan(0.99);
            assertThat(a.diagnostics().get("probabilityAfterDeletion")).isLessThan(0.5);
            assertThat(inside / total).isGreaterThan(0.9);
        }
    }
}
