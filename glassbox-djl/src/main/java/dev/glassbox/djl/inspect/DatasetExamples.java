package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Dataset examples (Olah et al. 2017): the inputs of a data set that drive an objective hardest, the natural
 * counterpart of an optimised image. The data set is scored in passes of {@code chunk} rows; ties go to the earlier
 * row, so the ranking is reproducible.
 */
public final class DatasetExamples {
    private DatasetExamples() {
    }

    /** The top rows of a data set: their indices, best first, and the objective's value on each. */
    public record TopExamples(String objective, int[] indices, double[] values) {
    }

    /** The {@code k} rows of {@code data} with the highest values of {@code objective}. */
    public static TopExamples top(ModelObjective objective, float[][] data, int k, int chunk, Progress progress) {
        if (k < 1 || k > data.length) {
            throw new InvalidInputException("cannot take the top " + k + " of " + data.length + " inputs: expected 1 to "
                    + data.length);
        }
        double[] values = new double[data.length];
        for (int from = 0; from < data.length; from += chunk) {
            int to = Math.min(data.length, from + chunk);
            System.arraycopy(objective.values(Arrays.copyOfRange(data, from, to)), 0, values, from, to - from);
            progress.update("dataset examples", to, data.length);
        }
        int[] order = IntStream.range(0, data.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
        return new TopExamples(objective.objective().toString(), order,
                Arrays.stream(order).mapToDouble(i -> values[i]).toArray());
    }
}
