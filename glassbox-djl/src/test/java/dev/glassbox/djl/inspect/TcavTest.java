package dev.glassbox.djl.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.explain.TestNets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * On fc1 (identity) → relu → fc2 with class 0's logit relu(x0), the gradient at fc1 is e0 where x0 &gt; 0 and 0
 * elsewhere, so a CAV pointing along +x0 scores exactly the share of class inputs with x0 &gt; 0, one along −x0
 * scores 0, and a concept drawn like the random sets is indistinguishable from random.
 */
class TcavTest {
    private static final int DIMS = 4;

    static BlockModel reluOfFirstInput() {
        BlockModel model = TestNets.build(new NamedBlocks()
                .add("fc1", Linear.builder().setUnits(DIMS).build())
                .add("relu", Activation.reluBlock())
                .add("fc2", Linear.builder().setUnits(2).build()), Shape.of(DIMS), 3);
        float[] identity = new float[DIMS * DIMS];
        for (int k = 0; k < DIMS; k++) {
            identity[k * DIMS + k] = 1;
        }
        model.layers().layer("fc1").getParameters().get("weight").getArray().set(identity);
        model.layers().layer("fc1").getParameters().get("bias").getArray().set(new float[DIMS]);
        model.layers().layer("fc2").getParameters().get("weight").getArray().set(new float[] {1, 0, 0, 0, -1, 0, 0, 0});
        model.layers().layer("fc2").getParameters().get("bias").getArray().set(new float[2]);
        return model;
    }

    /** Gaussian rows, with x0 shifted by {@code shift}. */
    static float[][] rows(int n, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[n][DIMS];
        for (float[] row : out) {
            for (int k = 0; k < DIMS; k++) {
                row[k] = (float) (gaussian(random) + (k == 0 ? shift : 0));
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static List<float[][]> randomSets(int count) {
        List<float[][]> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sets.add(rows(12, 0, 100 + i));
        }
        return sets;
    }

    @Test
    void scoresTheShareOfInputsWhoseGradientPointsAlongTheConceptAndTestsItAgainstRandom() {
        float[][] inputs = rows(20, 0, 1);
        long positives = java.util.Arrays.stream(inputs).filter(r -> r[0] > 0).count();
        Map<String, float[][]> concepts = new LinkedHashMap<>();
        concepts.put("up", rows(12, 4, 2));
        concepts.put("down", rows(12, -4, 3));
        concepts.put("like-random", rows(12, 0, 4));
        try (BlockModel model = reluOfFirstInput()) {
            Tcav tcav = Tcav.of(model).layers(List.of("fc1")).runs(10).seed(5).build();
            Tcav.Result result = tcav.run(inputs, 0, concepts, randomSets(11), Progress.NONE);
            Tcav.Entry up = result.entries().get(0);
            Tcav.Entry down = result.entries().get(1);
            Tcav.Entry likeRandom = result.entries().get(2);
            assertThat(up.scores()).containsOnly(positives / 20.0);
            assertThat(up.magnitudes()).containsOnly(1.0);
            assertThat(java.util.Arrays.stream(up.cavAccuracies()).min().orElseThrow()).isGreaterThan(0.8);
            assertThat(down.scores()).containsOnly(0.0);
            assertThat(up.significant()).isTrue();
            assertThat(down.significant()).isTrue();
            assertThat(likeRandom.significant()).isFalse();
            assertThat(result.baselines().get(0).scores()).containsOnly(0.0, positives / 20.0);
            assertThat(result.threshold()).isCloseTo(0.05 / 3, within(1e-15));
            Tcav.Result again = tcav.run(inputs, 0, concepts, randomSets(11), Progress.NONE);
            for (int i = 0; i < 3; i++) {
                assertThat(again.entries().get(i).scores()).isEqualTo(result.entries().get(i).scores());
                assertThat(again.entries().get(i).pValue()).isEqualTo(result.entries().get(i).pValue());
            }
        }
    }

    @Test
    void refusesTooFewRandomSetsAndEmptyConceptsAndUnknownLayers() {
        try (BlockModel model = reluOfFirstInput()) {
            Tcav tcav = Tcav.of(model).layers(List.of("fc1")).runs(10).build();
            float[][] inputs = rows(5, 0, 1);
            Map<String, float[][]> concepts = Map.of("up", rows(6, 4, 2));
            assertThatThrownBy(() -> tcav.run(inputs, 0, concepts, randomSets(10), Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs 11 random sets");
            assertThatThrownBy(() -> tcav.run(inputs, 0, Map.of("empty", new float[0][]), randomSets(11),
                    Progress.NONE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("concept 'empty'");
            assertThatThrownBy(() -> Tcav.of(model).layers(List.of("nope")).runs(2).build().run(inputs, 0, concepts,
                    randomSets(3), Progress.NONE)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("nope");
            assertThatThrownBy(() -> Tcav.of(model).layers(List.of("fc1")).runs(1).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 2 runs");
        }
    }
}
