package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;

/**
 * Weighted rows that masked features are taken from. A game's value averages the model over these rows (SHAP's
 * expectation over background data); one row is a plain baseline. {@link #summarize} replaces many rows by weighted
 * k-means centres, like {@code shap.kmeans}.
 *
 * @param rows flattened samples, all the same length
 * @param weights one positive weight per row (they need not sum to one)
 */
public record Background(float[][] rows, double[] weights) implements Baseline {

    public Background {
        if (rows.length == 0) {
            throw new InvalidInputException("the background is empty: give at least one row");
        }
        if (weights.length != rows.length) {
            throw new InvalidInputException(weights.length + " weights given for " + rows.length + " background rows");
        }
        float[][] copy = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null || rows[r].length != rows[0].length) {
                throw new InvalidInputException("background row " + r + " has " + (rows[r] == null ? 0 : rows[r].length)
                        + " values but row 0 has " + rows[0].length);
            }
            Batches.requireFinite(rows[r], "background row " + r);
            copy[r] = rows[r].clone();
            if (!(weights[r] > 0 && Double.isFinite(weights[r]))) {
                throw new InvalidInputException("background weight " + r + " is " + weights[r] + ": weights must be"
                        + " positive and finite");
            }
        }
        rows = copy;
        weights = weights.clone();
    }

    /** Equally weighted rows. */
    public static Background of(float[]... rows) {
        double[] weights = new double[rows.length];
        Arrays.fill(weights, 1.0);
        return new Background(rows, weights);
    }

    /**
     * {@code k} weighted centres summarising {@code data}, as {@code shap.kmeans} does: k-means++ seeding and Lloyd
     * iterations (best of ten restarts), each centre's value in each column moved to the nearest value that column takes
     * in the data, and each centre weighted by the number of rows it stands for. Deterministic for a given seed.
     */
    public static Background summarize(float[][] data, int k, long seed) {
        return KMeans.summarize(data, k, seed);
    }

    /** The number of rows. */
    public int size() {
        return rows.length;
    }

    /** One row (a copy). */
    public float[] row(int index) {
        return rows[index].clone();
    }

    @Override
    public float[][] rows() {
        float[][] copy = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            copy[r] = rows[r].clone();
        }
        return copy;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Row {@code index} without copying, for this package's hot loops. */
    float[] rowView(int index) {
        return rows[index];
    }

    /** The weights divided by their sum. */
    double[] normalizedWeights() {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] out = new double[weights.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = weights[i] / total;
        }
        return out;
    }

    @Override
    public Background resolve(float[] input, Shape shape, FeatureGrouping grouping) {
        if (rows[0].length != shape.size()) {
            throw new InvalidInputException("background rows have " + rows[0].length + " values but the input of shape "
                    + shape + " has " + shape.size());
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Background other && Arrays.deepEquals(rows, other.rows)
                && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(rows) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return rows.length == 1 ? "background(1 row)" : "background(" + rows.length + " rows)";
    }
}
