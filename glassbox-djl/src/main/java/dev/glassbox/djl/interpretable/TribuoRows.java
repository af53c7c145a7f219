package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import java.util.Locale;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/** Rows of floats as Tribuo examples whose features are named {@code f0, f1, …} after their column. */
final class TribuoRows {
    private TribuoRows() {
    }

    /** The feature names of rows of {@code width} values. */
    static String[] names(int width) {
        String[] names = new String[width];
        for (int j = 0; j < width; j++) {
            names[j] = String.format(Locale.ROOT, "f%d", j);
        }
        return names;
    }

    /** One row as an example with the given output (Tribuo needs an output even to predict). */
    static <T extends Output<T>> ArrayExample<T> example(T output, String[] names, float[] row) {
        if (row.length != names.length) {
            throw new InvalidInputException("expected " + names.length + " features, got " + row.length);
        }
        double[] values = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            values[j] = row[j];
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
