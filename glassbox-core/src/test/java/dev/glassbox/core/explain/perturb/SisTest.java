package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SIS on models whose sufficient pixels are known by construction. */
class SisTest {
    private static final Shape IMAGE = Shape.of(1, 4, 4);

    /** A model that outputs 1 when the rule holds for the image, else 0. */
    private static FunctionModel rule(Predicate<float[]> holds) {
        return FunctionModel.ofScores(IMAGE, 1, batch -> {
            float[][] out = new float[batch.length][1];
            for (int r = 0; r < batch.length; r++) {
                out[r][0] = holds.test(batch[r]) ? 1 : 0;
            }
            return out;
        });
    }

    private static float[] ones() {
        float[] x = new float[16];
        Arrays.fill(x, 1f);
        return x;
    }

    @Test
    void anAndOfTwoPixelsIsTheOneSufficientSubset() {
        FunctionModel model = rule(x -> x[3] > 0.5f && x[9] > 0.5f);
        Attribution a = PerturbationExplainer.builder(model, Sis.withThreshold(0.5)).build()
                .explain(ones(), Target.index(0));

        float[] expected = new float[16];
        expected[3] = 1;
        expected[9] = 1;
        assertThat(a.values()).containsExactly(expected);
        assertThat(a.diagnostics()).containsEntry("subsets", 1.0).containsEntry("firstSubsetSize", 2.0);
        assertThat(a.method()).isEqualTo("sis");
    }

    @Test
    void anOrOfAndsYieldsACollectionOfDisjointSubsets() {
        FunctionModel model = rule(x -> x[0] > 0.5f && x[5] > 0.5f || x[10] > 0.5f && x[12] > 0.5f && x[15] > 0.5f);
        PerturbationExplainer sis = PerturbationExplainer.builder(model, Sis.withThreshold(0.5)).build();

        Attribution a = sis.explain(ones(), Target.index(0));

        // BackSelect breaks ties by the lowest index, so pixels 0 and 5 go first and the three-pixel rule is found first.
        assertThat(a.diagnostics()).containsEntry("subsets", 2.0);
        assertThat(indicesWith(a.values(), 1)).containsExactly(10, 12, 15);
        assertThat(indicesWith(a.values(), 2)).containsExactly(0, 5);
        assertThat(indicesWith(a.values(), 0)).hasSize(11);
    }

    @Test
    void aThresholdOnACountFindsTheSmallestSufficientSet() {
        // Three known pixels; the output is how many of them are on, over three; τ = 0.6 needs two of them.
        int[] known = {2, 7, 13};
        FunctionModel model = FunctionModel.ofScores(IMAGE, 1, batch -> {
            float[][] out = new float[batch.length][1];
            for (int r = 0; r < batch.length; r++) {
                for (int k : known) {
                    out[r][0] += batch[r][k] / 3f;
                }
            }
            return out;
        });
        Game game = new TensorGame(model, ones(), FeatureGrouping.elements(IMAGE),
                Background.of(new float[16]), new Readout(0, false), Execution.defaults(), "sis");

        List<int[]> subsets = Sis.withThreshold(0.6).collection(game);

        assertThat(subsets).hasSize(1);
        assertThat(subsets.get(0)).hasSize(2);
        assertThat(known).contains(subsets.get(0));
    }

    @Test
    void anInputBelowTheThresholdHasNoSubset() {
        FunctionModel model = rule(x -> x[3] > 0.5f);
        Attribution a = PerturbationExplainer.builder(model, Sis.withThreshold(0.5)).build()
                .explain(new float[16], Target.index(0));

        assertThat(a.values()).containsOnly(0f);
        assertThat(a.diagnostics()).containsEntry("subsets", 0.0);
    }

    private static int[] indicesWith(float[] values, float value) {
        return IntStream.range(0, values.length).filter(i -> values[i] == value).toArray();
    }
}
