package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import java.util.Locale;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Rows of floats as Tribuo examples whose features are named {@code f0, f1, …} after their column. Only the columns
 * that vary over the rows a surrogate is fitted on become features: a constant column cannot inform a split or a
 * weight, and Tribuo keeps no record of a feature it never saw away from zero.
 *
 * @param width the number of values in a row
 * @param columns the columns that become features
 * @param names their feature names
 */
record TribuoRows(int width, int[] columns, String[] names) {

    /** The varying columns of {@code rows}. */
    static TribuoRows of(float[][] rows) {
        int width = rows[0].length;
        int[] columns = java.util.stream.IntStream.range(0, width).filter(j -> {
            for (float[] row : rows) {
                if (row.length != width) {
                    throw new InvalidInputException("every row needs " + width + " values, one has " + row.length);
                }
                if (row[j] != rows[0][j]) {
                    return true;
                }
            }
            return false;
        }).toArray();
        if (columns.length == 0) {
            throw new InvalidInputException("every column is constant over the rows: a surrogate has nothing to fit");
        }
        String[] names = java.util.Arrays.stream(columns).mapToObj(j -> String.format(Locale.ROOT, "f%d", j))
                .toArray(String[]::new);
        return new TribuoRows(width, columns, names);
    }

    /** One row as an example with the given output (Tribuo needs an output even to predict). */
    <T extends Output<T>> ArrayExample<T> example(T output, float[] row) {
        if (row.length != width) {
            throw new InvalidInputException("expected " + width + " features, got " + row.length);
        }
        double[] values = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            values[j] = row[columns[j]];
        }
        return new ArrayExample<>(output, names, values);
    }

    /** Checks that the rows to fit on are many enough and match their targets. */
    static void requireFit(float[][] rows, int targets) {
        if (rows.length < 2 || rows.length != targets) {
            throw new InvalidInputException("a surrogate needs at least two rows and one model prediction per row, got "
                    + rows.length + " rows and " + targets + " predictions");
        }
    }
}
