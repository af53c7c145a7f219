package dev.glassbox.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelContractTest {

    @Test
    void shapesParseAndPrint() {
        assertThat(Shape.parse("1,28,28")).isEqualTo(Shape.of(1, 28, 28));
        assertThat(Shape.parse("3x224x224").size()).isEqualTo(3 * 224 * 224);
        assertThat(Shape.of(1, 28, 28)).hasToString("1×28×28");
        assertThatThrownBy(() -> Shape.parse("1,a")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Shape.of(0, 2)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void targetsResolveAndCheckTheirRange() {
        float[] scores = {0.1f, 2f, -1f};
        assertThat(Target.PREDICTED.resolve(scores)).isEqualTo(1);
        assertThat(Target.parse("pred")).isEqualTo(Target.PREDICTED);
        assertThat(Target.parse("2").resolve(scores)).isEqualTo(2);
        assertThatThrownBy(() -> Target.index(3).resolve(scores)).isInstanceOf(InvalidInputException.class)
                .hasMessage("target class 3 is out of range: the model has 3 outputs (0..2)");
        assertThatThrownBy(() -> Target.parse("cat")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void functionModelsAreCheckedOnTheWayInAndOut() {
        FunctionModel sum = FunctionModel.ofScores(Shape.of(2), 1, batch -> {
            float[][] out = new float[batch.length][1];
            for (int i = 0; i < batch.length; i++) {
                out[i][0] = batch[i][0] + batch[i][1];
            }
            return out;
        }).withOutputNames(List.of("total"));
        assertThat(sum.predict(new float[][] {{1, 2}, {3, 4}})).isDeepEqualTo(new float[][] {{3}, {7}});
        assertThat(sum.outputNames()).containsExactly("total");
        assertThatThrownBy(() -> sum.predict(new float[][] {{1}})).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expects 2");
        assertThatThrownBy(() -> sum.predict(new float[][] {{1, Float.POSITIVE_INFINITY}}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Infinity at index 1");
        assertThatThrownBy(() -> sum.predict(new float[0][])).isInstanceOf(InvalidInputException.class);
        FunctionModel broken = FunctionModel.ofLogits(Shape.of(2), 3, batch -> new float[batch.length][2]);
        assertThatThrownBy(() -> broken.predict(new float[][] {{1, 2}})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected 3");
    }

    @Test
    void chunksCoverTheBatchInOrderAndNeverExceedTheirSize() {
        AtomicInteger largest = new AtomicInteger();
        float[][] rows = new float[10][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {i};
        }
        float[][] out = Batches.mapInChunks(rows, 3, chunk -> {
            largest.accumulateAndGet(chunk.length, Math::max);
            float[][] doubled = new float[chunk.length][];
            for (int i = 0; i < chunk.length; i++) {
                doubled[i] = new float[] {2 * chunk[i][0]};
            }
            return doubled;
        });
        assertThat(largest.get()).isEqualTo(3);
        for (int i = 0; i < 10; i++) {
            assertThat(out[i][0]).isEqualTo(2f * i);
        }
    }
}
