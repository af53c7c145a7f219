package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rows of numeric inputs with one numeric target each: a regression data set.
 *
 * @param columns the inputs' column names
 * @param inputs one row of {@code columns.size()} finite values per sample
 * @param targets one finite target per sample
 */
public record RegressionTable(List<String> columns, float[][] inputs, double[] targets) {
    public RegressionTable {
        columns = List.copyOf(columns);
        if (inputs.length == 0 || inputs.length != targets.length) {
            throw new InvalidInputException("a regression table needs at least one row and one target per row, got "
                    + inputs.length + " rows and " + targets.length + " targets");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != columns.size()) {
                throw new InvalidInputException("row " + i + " has " + inputs[i].length + " values, expected "
                        + columns.size() + " (" + String.join(", ", columns) + ")");
            }
            for (float v : inputs[i]) {
                if (!Float.isFinite(v)) {
                    throw new InvalidInputException("row " + i + " has " + v + ", expected finite numbers");
                }
            }
            if (!Double.isFinite(targets[i])) {
                throw new InvalidInputException("target " + i + " is " + targets[i] + ", expected a finite number");
            }
        }
        inputs = Arrays.stream(inputs).map(float[]::clone).toArray(float[][]::new);
        targets = targets.clone();
    }

    @Override
    public float[][] inputs() {
        return Arrays.stream(inputs).map(float[]::clone).toArray(float[][]::new);
    }

    @Override
    public double[] targets() {
        return targets.clone();
    }

    /** The number of rows. */
    public int count() {
        return targets.length;
    }

    /** The rows at {@code indices}, in that order. */
    public RegressionTable rows(int[] indices) {
        float[][] x = new float[indices.length][];
        double[] y = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            x[k] = inputs[indices[k]];
            y[k] = targets[indices[k]];
        }
        return new RegressionTable(columns, x, y);
    }

    /**
     * The rows shuffled with {@code seed} and cut into consecutive parts of the given shares (which must sum to 1),
     * each part at least one row.
     */
    public List<RegressionTable> split(long seed, double... shares) {
        int n = count();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        double sum = Arrays.stream(shares).sum();
        if (Math.abs(sum - 1) > 1e-9 || Arrays.stream(shares).anyMatch(s -> !(s > 0))) {
            throw new InvalidInputException("split shares must be positive and sum to 1, got " + Arrays.toString(shares));
        }
        List<RegressionTable> parts = new ArrayList<>();
        int start = 0;
        double cumulative = 0;
        for (int p = 0; p < shares.length; p++) {
            cumulative += shares[p];
            int end = p == shares.length - 1 ? n : (int) Math.round(cumulative * n);
            if (end <= start) {
                throw new InvalidInputException("a share of " + shares[p] + " of " + n + " rows leaves a part empty");
            }
            parts.add(rows(Arrays.copyOfRange(order, start, end)));
            start = end;
        }
        return parts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegressionTable t && columns.equals(t.columns) && Arrays.deepEquals(inputs, t.inputs)
                && Arrays.equals(targets, t.targets);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * columns.hashCode() + Arrays.deepHashCode(inputs)) + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "RegressionTable[" + count() + " rows of " + String.join(", ", columns) + "]";
    }
}
