package dev.glassbox.djl.explain.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtremalPerturbationTest {

    @Test
    void preservationMaskAtTheSquaresAreaRecoversTheSquareAndMeetsTheArea() {
        double area = MaskNets.squareArea();
        try (BlockModel model = MaskNets.readsTheSquare(0)) {
            ExtremalPerturbation explainer = ExtremalPerturbation.of(model).areas(area, 2 * area)
                    .perturbation(PathBaseline.zero()).iterations(300).build();
            ExtremalMasks found = explainer.masks(new float[][] {MaskNets.texture(1)}, Target.index(0)).get(0);
            float[] mask = found.masks()[0];
            assertThat(MaskNets.topIou(mask, MaskNets.SIZE * MaskNets.SIZE)).isGreaterThan(0.9);
            assertThat(MaskNets.thresholdIou(mask)).isGreaterThan(0.9);
            assertThat(found.achievedAreas()[0]).isCloseTo(area, within(0.01));
            assertThat(found.achievedAreas()[1]).isCloseTo(2 * area, within(0.01));
            // the reported scores are the model's on the input each mask leaves: Σ_square m·x with a zero perturbation
            float[] x = MaskNets.texture(1);
            for (int a = 0; a < 2; a++) {
                double kept = 0;
                for (int p = 0; p < x.length; p++) {
                    kept += MaskNets.inSquare(p) ? found.masks()[a][p] * x[p] : 0;
                }
                assertThat(found.scores()[a]).isCloseTo(kept, within(1e-3 * kept));
            }
            assertThat(found.scores()[1]).isGreaterThan(found.scores()[0]);
        }
    }

    @Test
    void deletionMaskAtTheSquaresAreaDeletesTheSquare() {
        double area = MaskNets.squareArea();
        try (BlockModel model = MaskNets.readsTheSquare(0)) {
            List<Attribution> maps = ExtremalPerturbation.of(model).areas(area).variant(ExtremalPerturbation.Variant.DELETE)
                    .perturbation(PathBaseline.zero()).iterations(300).build().explain(new float[][] {MaskNets.texture(2)}, Target.index(0));
            Attribution a = maps.get(0);
            assertThat(MaskNets.topIou(a.values(), MaskNets.SIZE * MaskNets.SIZE)).isGreaterThan(0.9);
            assertThat(a.diagnostics().get("maskArea@" + area)).isCloseTo(area, within(0.01));
            assertThat(a.diagnostics().get("score@" + area)).isLessThan(0.5 * a.diagnostics().get("score"));
            assertThat(a.grouping().inputShape()).isEqualTo(MaskNets.IMAGE);
        }
    }

    @Test
    void areasOutsideTheOpenUnitIntervalAreRefusedInOneLine() {
        try (BlockModel model = MaskNets.readsTheSquare(0)) {
            for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
                assertThatThrownBy(() -> ExtremalPerturbation.of(model).areas(0.1, bad))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("strictly between 0 and 1")
                        .hasMessageNotContaining("\n");
            }
        }
    }
}
