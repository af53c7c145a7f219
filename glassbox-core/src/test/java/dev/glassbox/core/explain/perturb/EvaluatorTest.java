package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunking under the budget and progress reports. */
class EvaluatorTest {

    @Test
    void rowsStreamInChunksBoundedByTheBudgetAndTheBatchSize() {
        List<Integer> batchSizes = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        Progress listener = (task, done, total) -> progress.add(done);
        Execution execution = Execution.defaults().withBudgetBytes(100).withProgress(listener);
        Evaluator<float[]> evaluator = new Evaluator<>(rows -> {
            batchSizes.add(rows.size());
            float[][] out = new float[rows.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[] {rows.get(i)[0] * 2};
            }
            return out;
        }, 30, new Readout(0, false), execution, "test");

        double[] values = evaluator.evaluate(10, i -> new float[] {i});

        assertThat(values).containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
        assertThat(batchSizes).containsExactly(3, 3, 3, 1);
        assertThat(progress).containsExactly(3L, 6L, 9L, 10L);
        assertThat(evaluator.evaluatedRows()).isEqualTo(10);
        assertThat(Execution.defaults().withBudgetBytes(1L << 30).rowsPerChunk(100)).isEqualTo(256);
    }

    @Test
    void probabilitiesAreReadThroughASoftmax() {
        assertThat(new Readout(1, true).read(new float[] {0, 0})).isEqualTo(0.5);
        assertThat(new Readout(1, false).read(new float[] {0, 3})).isEqualTo(3);
        assertThat(new Readout(1, true).kind()).isEqualTo("probability");
    }
}
