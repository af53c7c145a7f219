package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;

/** Checks and converts the rows of data every embedding method takes. */
final class Rows {
    private Rows() {
    }

    /**
     * Throws {@link InvalidInputException} unless {@code data} has at least {@code minRows} rows, every row holds the
     * same positive number of values and every value is finite.
     */
    static void requireValid(float[][] data, int minRows) {
        if (data == null || data.length == 0) {
            throw new InvalidInputException("the data is empty: expected at least " + minRows + " rows");
        }
        if (data.length < minRows) {
            throw new InvalidInputException("the data has " + data.length + " row" + (data.length == 1 ? "" : "s")
                    + ": expected at least " + minRows);
        }
        int width = data[0] == null ? 0 : data[0].length;
        if (width == 0) {
            throw new InvalidInputException("row 0 of the data has no values: expected at least one value per row");
        }
        for (int i = 0; i < data.length; i++) {
            float[] row = data[i];
            int length = row == null ? 0 : row.length;
            if (length != width) {
                throw new InvalidInputException("row " + i + " of the data has " + length + " values but row 0 has "
                        + width + ": all rows must have the same length");
            }
            for (int j = 0; j < width; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new InvalidInputException("row " + i + " of the data holds " + row[j] + " at column " + j
                            + ": data must be finite numbers");
                }
            }
        }
    }

    /** A row-major array of {@code n} rows, split into rows. */
    static double[][] unflatten(double[] values, int n) {
        int width = values.length / n;
        double[][] out = new double[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values, i * width, out[i], 0, width);
        }
        return out;
    }
}
