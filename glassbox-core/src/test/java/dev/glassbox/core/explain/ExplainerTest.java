package dev.glassbox.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    @Test
    void fixedTargetsAreExplainedOneBatchPerClassAndReturnedInInputOrder() {
        List<Integer> batchSizes = new ArrayList<>();
        Explainer recording = new Explainer() {
            @Override
            public Attribution explain(float[] input, Target target) {
                throw new AssertionError("the batched form must be used");
            }

            @Override
            public List<Attribution> explain(float[][] inputs, Target target) {
                batchSizes.add(inputs.length);
                int k = target.resolve(new float[3]);
                return java.util.Arrays.stream(inputs)
                        .map(x -> Attribution.of("echo", k, Shape.of(1), x.clone(), Map.of(), Map.of())).toList();
            }
        };
        float[][] inputs = {{0}, {1}, {2}, {3}};
        List<Attribution> out = recording.explain(inputs, new int[] {2, 0, 2, 1});
        assertThat(out).extracting(Attribution::target).containsExactly(2, 0, 2, 1);
        assertThat(out).extracting(a -> a.values()[0]).containsExactly(0f, 1f, 2f, 3f);
        assertThat(batchSizes).containsExactly(1, 1, 2);
        assertThatThrownBy(() -> recording.explain(inputs, new int[] {1})).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void randomAttributionsFollowTheSeedAndDifferBetweenInputs() {
        FunctionModel model = FunctionModel.ofLogits(Shape.of(1, 2, 2), 2, batch -> java.util.Arrays.stream(batch)
                .map(x -> new float[] {x[0], x[1]}).toArray(float[][]::new));
        float[][] inputs = {{0, 1, 0, 0}, {1, 0, 0, 0}};
        List<Attribution> once = new RandomAttribution(model, 3).explain(inputs, Target.PREDICTED);
        List<Attribution> again = new RandomAttribution(model, 3).explain(inputs, Target.PREDICTED);
        assertThat(once.get(0).values()).isEqualTo(again.get(0).values()).isNotEqualTo(once.get(1).values());
        assertThat(once.get(0).values()).isNotEqualTo(new RandomAttribution(model, 4).explain(inputs[0],
                Target.PREDICTED).values());
        assertThat(once).extracting(Attribution::target).containsExactly(1, 0);
        for (float v : once.get(0).values()) {
            assertThat(v).isGreaterThanOrEqualTo(-1f).isLessThan(1f);
        }
    }
}
