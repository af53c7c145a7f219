package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;

/**
 * The exact {@code k} nearest neighbours (Euclidean) of every row of some data, found with a vantage-point tree,
 * nearest first, ties broken by the smaller row index. A row is never its own neighbour; its duplicates are.
 */
public final class NearestNeighbours {
    private static final int GRAIN = 256;

    private final int k;
    private final int[] indices;
    private final double[] distances;

    private NearestNeighbours(int k, int[] indices, double[] distances) {
        this.k = k;
        this.indices = indices;
        this.distances = distances;
    }

    /** The {@code k} nearest neighbours of each row of {@code data}, searched on {@code threads} threads. */
    public static NearestNeighbours of(float[][] data, int k, int threads) {
        Rows.requireValid(data, 2);
        int n = data.length;
        int dims = data[0].length;
        float[] flat = new float[n * dims];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data[i], 0, flat, i * dims, dims);
        }
        return of(flat, dims, k, threads);
    }

    /** The {@code k} nearest neighbours of each point of an embedding. */
    public static NearestNeighbours of(double[][] points, int k, int threads) {
        int n = points.length;
        int dims = n == 0 ? 0 : points[0].length;
        float[][] rows = new float[n][dims];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dims; j++) {
                rows[i][j] = (float) points[i][j];
            }
        }
        return of(rows, k, threads);
    }

    /** The neighbours of {@code n} rows of {@code dims} values stored row-major in {@code flat}. */
    static NearestNeighbours of(float[] flat, int dims, int k, int threads) {
        int n = flat.length / dims;
        if (k < 1 || k >= n) {
            throw new InvalidInputException(k + " nearest neighbours cannot be found among " + n
                    + " points: expected between 1 and " + (n - 1));
        }
        VpTree tree = new VpTree(flat, dims);
        int[] indices = new int[n * k];
        double[] distances = new double[n * k];
        try (Parallel parallel = new Parallel(threads)) {
            parallel.forEach(n, GRAIN, (from, to) -> {
                float[] values = new float[dims];
                for (int position = from; position < to; position++) {
                    int i = tree.rowAt(position);
                    System.arraycopy(flat, i * dims, values, 0, dims);
                    tree.search(i, values, k, indices, distances, i * k);
                }
            });
        }
        return new NearestNeighbours(k, indices, distances);
    }

    /** How many neighbours each row has. */
    public int k() {
        return k;
    }

    /** The number of rows. */
    public int size() {
        return indices.length / k;
    }

    /** The row indices of the neighbours of row {@code i}, nearest first. */
    public int[] indices(int i) {
        return Arrays.copyOfRange(indices, i * k, (i + 1) * k);
    }

    /** The distances to the neighbours of row {@code i}, nearest first. */
    public double[] distances(int i) {
        return Arrays.copyOfRange(distances, i * k, (i + 1) * k);
    }

    /** The {@code r}-th nearest neighbour of row {@code i} (0 is the nearest). */
    public int neighbour(int i, int r) {
        return indices[i * k + r];
    }

    /** The distance from row {@code i} to its {@code r}-th nearest neighbour. */
    public double distance(int i, int r) {
        return distances[i * k + r];
    }
}
