package dev.glassbox.core.input;

import dev.glassbox.core.model.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of numeric features with their column names, as read from a CSV file. */
public record TabularData(List<String> columns, float[][] rows) {

    public TabularData {
        columns = List.copyOf(columns);
        rows = copy(rows);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values for "
                        + columns.size() + " columns");
            }
        }
    }

    /** A copy of the rows. */
    @Override
    public float[][] rows() {
        return copy(rows);
    }

    /** The number of data rows. */
    public int rowCount() {
        return rows.length;
    }

    /** The shape of one row as a sample: the number of columns. */
    public Shape shape() {
        return Shape.of(columns.size());
    }

    /** One sample per row, named {@code fileName#1}, {@code fileName#2}, … by data row number (the header excluded). */
    public List<Sample> samples(String fileName) {
        List<Sample> samples = new ArrayList<>(rows.length);
        for (int r = 0; r < rows.length; r++) {
            samples.add(new Sample(fileName + "#" + (r + 1), shape(), rows[r].clone()));
        }
        return samples;
    }

    private static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabularData other && columns.equals(other.columns)
                && Arrays.deepEquals(rows, other.rows);
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + Arrays.deepHashCode(rows);
    }

    @Override
    public String toString() {
        return "TabularData[columns=" + columns + ", rows=" + rows.length + "]";
    }
}
