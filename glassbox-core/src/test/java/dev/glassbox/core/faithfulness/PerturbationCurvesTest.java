package dev.glassbox.core.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.RandomAttribution;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerturbationCurvesTest {
    private static final Shape ROW = Shape.of(1, 1, 4);
    private static final float[] W = {4, 3, 2, 1};
    private static final float[] ONES = {1, 1, 1, 1};

    private static Attribution map(float... values) {
        return Attribution.of("test", 0, ROW, values, Map.of(), Map.of());
    }

    @Test
    void deletionCurveAndAreaByHand() {
        PerturbationCurves curves = PerturbationCurves.of(LinearModels.linear(ROW, W)).steps(4).build();
        PerturbationCurves.Curve best = curves.deletion(ONES, map(W));
        assertThat(best.fractions()).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(best.scores()).containsExactly(10, 6, 3, 1, 0);
        // 0.25 · (8 + 4.5 + 2 + 0.5)
        assertThat(best.auc()).isCloseTo(3.75, within(1e-9));
        PerturbationCurves.Curve worst = curves.deletion(ONES, map(1, 2, 3, 4));
        assertThat(worst.scores()).containsExactly(10, 9, 7, 4, 0);
        assertThat(worst.auc()).isCloseTo(6.25, within(1e-9));
    }

    @Test
    void deletedPixelsTakeTheChosenValue() {
        PerturbationCurves.Curve grey = PerturbationCurves.of(LinearModels.linear(ROW, W)).steps(4).deletionValue(0.5f)
                .chunk(2).build().deletion(ONES, map(W));
        // each deleted pixel keeps half its contribution: 10 − (4 + 3 + 2 + 1)/2 at the end
        assertThat(grey.scores()).containsExactly(10, 8, 6.5, 5.5, 5);
    }

    @Test
    void aPerfectAttributionOfALinearModelBeatsARandomOne() {
        Shape image = Shape.of(1, 8, 8);
        SplittableRandom random = new SplittableRandom(11);
        float[] w = new float[64];
        float[] x = new float[64];
        for (int j = 0; j < 64; j++) {
            w[j] = (float) random.nextGaussian();
            x[j] = (float) random.nextDouble();
        }
        FunctionModel model = LinearModels.linear(image, w);
        PerturbationCurves curves = PerturbationCurves.of(model).steps(16).blurSigma(2).build();
        Attribution perfect = LinearModels.exact(image, w, true, 1).explain(x, Target.index(0));
        Attribution chance = new RandomAttribution(model, 5).explain(x, Target.index(0));
        assertThat(curves.deletion(x, perfect).auc()).isLessThan(curves.deletion(x, chance).auc() - 0.5);
        assertThat(curves.insertion(x, perfect).auc()).isGreaterThan(curves.insertion(x, chance).auc() + 0.5);
        PerturbationCurves.Curve insertion = curves.insertion(x, perfect);
        assertThat(insertion.scores()[16]).isCloseTo(model.predict(new float[][] {x})[0][0], within(1e-5));
    }

    @Test
    void logitModelsAreFollowedByTheirProbability() {
        FunctionModel logits = FunctionModel.ofLogits(ROW, 2, batch -> java.util.Arrays.stream(batch)
                .map(x -> new float[] {x[0] + x[1] + x[2] + x[3], 0}).toArray(float[][]::new));
        PerturbationCurves.Curve curve = PerturbationCurves.of(logits).steps(4).build().deletion(ONES, map(W));
        assertThat(curve.scores()[0]).isCloseTo(1 / (1 + Math.exp(-4)), within(1e-6));
        assertThat(curve.scores()[4]).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void refusesMapsThatDoNotLineUpAndBadInput() {
        PerturbationCurves curves = PerturbationCurves.of(LinearModels.linear(ROW, W)).steps(4).build();
        Attribution small = Attribution.of("cam", 0, Shape.of(1, 1, 2), new float[2], Map.of(), Map.of());
        assertThatThrownBy(() -> curves.deletion(ONES, small)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("upsample");
        assertThatThrownBy(() -> curves.deletion(new float[] {1, Float.NaN, 1, 1}, map(W)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> curves.insertion(ONES, map(1, Float.POSITIVE_INFINITY, 0, 0)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PerturbationCurves.of(LinearModels.linear(ROW, W)).steps(0))
                .isInstanceOf(InvalidInputException.class);
    }
}
