package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;

/** Square matrices of dissimilarities between points: Euclidean distances of data, checks, and the stress of a fit. */
final class Dissimilarities {
    private static final int GRAIN = 64;

    private Dissimilarities() {
    }

    /** The Euclidean distance between every pair of rows. */
    static double[][] euclidean(float[][] data, Parallel parallel) {
        int n = data.length;
        double[][] out = new double[n][n];
        parallel.forEach(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] = Math.sqrt(squaredDistance(data[i], data[j]));
                }
            }
        });
        return out;
    }

    static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double diff = a[k] - b[k];
            sum += diff * diff;
        }
        return sum;
    }

    /**
     * Throws {@link InvalidInputException} unless {@code d} is a square matrix of at least {@code minSize} rows with
     * finite, non-negative, symmetric entries and a zero diagonal.
     */
    static void requireValid(double[][] d, int minSize) {
        if (d == null || d.length < minSize) {
            throw new InvalidInputException("the dissimilarity matrix has " + (d == null ? 0 : d.length)
                    + " rows: expected at least " + minSize);
        }
        int n = d.length;
        for (int i = 0; i < n; i++) {
            if (d[i] == null || d[i].length != n) {
                throw new InvalidInputException("row " + i + " of the dissimilarity matrix has "
                        + (d[i] == null ? 0 : d[i].length) + " values: expected a square " + n + "×" + n + " matrix");
            }
        }
        for (int i = 0; i < n; i++) {
            if (d[i][i] != 0) {
                throw new InvalidInputException("the dissimilarity of point " + i + " to itself is " + d[i][i]
                        + ": expected 0");
            }
            for (int j = 0; j < n; j++) {
                double v = d[i][j];
                if (!Double.isFinite(v) || v < 0) {
                    throw new InvalidInputException("the dissimilarity between points " + i + " and " + j + " is " + v
                            + ": expected a finite number that is not negative");
                }
                if (Math.abs(v - d[j][i]) > 1e-9 * Math.max(1, Math.abs(v))) {
                    throw new InvalidInputException("the dissimilarity matrix is not symmetric: " + v + " between "
                            + i + " and " + j + " but " + d[j][i] + " between " + j + " and " + i);
                }
            }
        }
    }

    /**
     * The raw stress {@code Σ_{i<j} (δ_ij - d_ij)²} of points (row-major, {@code dims} coordinates each) against the
     * dissimilarities δ.
     */
    static double rawStress(double[][] delta, double[] points, int dims, Parallel parallel) {
        int n = delta.length;
        return parallel.sum(n, GRAIN, (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                for (int j = i + 1; j < n; j++) {
                    double diff = delta[i][j] - distance(points, i, j, dims);
                    sum += diff * diff;
                }
            }
            return sum;
        });
    }

    /** Kruskal's stress-1: the square root of raw stress over {@code Σ_{i<j} δ_ij²} (0 when every δ is 0). */
    static double normalisedStress(double[][] delta, double rawStress) {
        double total = 0;
        for (int i = 0; i < delta.length; i++) {
            for (int j = i + 1; j < delta.length; j++) {
                total += delta[i][j] * delta[i][j];
            }
        }
        return total > 0 ? Math.sqrt(rawStress / total) : 0;
    }

    /** The Euclidean distance between points {@code i} and {@code j} of a row-major array. */
    static double distance(double[] points, int i, int j, int dims) {
        double sum = 0;
        for (int k = 0; k < dims; k++) {
            double diff = points[i * dims + k] - points[j * dims + k];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }
}
