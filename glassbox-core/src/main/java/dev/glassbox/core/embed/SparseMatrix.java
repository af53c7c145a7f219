package dev.glassbox.core.embed;

import java.util.Arrays;

/**
 * A square sparse matrix in compressed rows: row {@code i} holds the entries {@code rowStart[i]} to
 * {@code rowStart[i+1] - 1} of {@code columns} and {@code values}. Used for neighbour graphs and affinities.
 */
final class SparseMatrix {
    final int size;
    final int[] rowStart;
    final int[] columns;
    final double[] values;

    SparseMatrix(int[] rowStart, int[] columns, double[] values) {
        if (columns.length != values.length || rowStart[rowStart.length - 1] != columns.length) {
            throw new IllegalArgumentException("inconsistent compressed rows");
        }
        this.size = rowStart.length - 1;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /** The graph of each row's {@code k} nearest neighbours, with squared distances as values. */
    static SparseMatrix ofNeighbours(NearestNeighbours neighbours) {
        int n = neighbours.size();
        int k = neighbours.k();
        int[] rowStart = new int[n + 1];
        int[] columns = new int[n * k];
        double[] values = new double[n * k];
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] = (i + 1) * k;
            for (int r = 0; r < k; r++) {
                columns[i * k + r] = neighbours.neighbour(i, r);
                double d = neighbours.distance(i, r);
                values[i * k + r] = d * d;
            }
        }
        return new SparseMatrix(rowStart, columns, values);
    }

    /** Every pair of distinct rows, with their squared Euclidean distances as values. */
    static SparseMatrix allPairs(float[][] data, Parallel parallel) {
        int n = data.length;
        int[] rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] = (i + 1) * (n - 1);
        }
        int[] columns = new int[n * (n - 1)];
        double[] values = new double[columns.length];
        parallel.forEach(n, 64, (from, to) -> {
            for (int i = from; i < to; i++) {
                int at = rowStart[i];
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        columns[at] = j;
                        values[at++] = Dissimilarities.squaredDistance(data[i], data[j]);
                    }
                }
            }
        });
        return new SparseMatrix(rowStart, columns, values);
    }

    /** The same matrix with the given values. */
    SparseMatrix withValues(double[] newValues) {
        return new SparseMatrix(rowStart, columns, newValues);
    }

    /** The transpose, with each row's columns in increasing order. */
    SparseMatrix transpose() {
        int[] count = new int[size + 1];
        for (int c : columns) {
            count[c + 1]++;
        }
        for (int i = 0; i < size; i++) {
            count[i + 1] += count[i];
        }
        int[] start = count.clone();
        int[] outColumns = new int[columns.length];
        double[] outValues = new double[values.length];
        for (int i = 0; i < size; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int at = count[columns[e]]++;
                outColumns[at] = i;
                outValues[at] = values[e];
            }
        }
        return new SparseMatrix(start, outColumns, outValues);
    }

    /** {@code (this + other) * scale}, with each row's columns in increasing order. */
    SparseMatrix plus(SparseMatrix other, double scale) {
        SparseMatrix a = sortedRows();
        SparseMatrix b = other.sortedRows();
        int[] rowStart = new int[size + 1];
        int[] outColumns = new int[a.columns.length + b.columns.length];
        double[] outValues = new double[outColumns.length];
        int at = 0;
        for (int i = 0; i < size; i++) {
            int x = a.rowStart[i];
            int y = b.rowStart[i];
            while (x < a.rowStart[i + 1] || y < b.rowStart[i + 1]) {
                int cx = x < a.rowStart[i + 1] ? a.columns[x] : Integer.MAX_VALUE;
                int cy = y < b.rowStart[i + 1] ? b.columns[y] : Integer.MAX_VALUE;
                int column = Math.min(cx, cy);
                double sum = 0;
                if (cx == column) {
                    sum += a.values[x++];
                }
                if (cy == column) {
                    sum += b.values[y++];
                }
                outColumns[at] = column;
                outValues[at++] = sum * scale;
            }
            rowStart[i + 1] = at;
        }
        return new SparseMatrix(rowStart, Arrays.copyOf(outColumns, at), Arrays.copyOf(outValues, at));
    }

    /** This matrix with each row's entries ordered by column. */
    private SparseMatrix sortedRows() {
        int[] outColumns = columns.clone();
        double[] outValues = values.clone();
        for (int i = 0; i < size; i++) {
            sortRow(outColumns, outValues, rowStart[i], rowStart[i + 1]);
        }
        return new SparseMatrix(rowStart, outColumns, outValues);
    }

    /** Sorts the entries {@code from} to {@code to} by column. */
    private void sortRow(int[] cols, double[] vals, int from, int to) {
        long[] keys = new long[to - from];
        for (int e = from; e < to; e++) {
            keys[e - from] = ((long) cols[e] << 32) | (e - from);
        }
        Arrays.sort(keys);
        double[] rowValues = Arrays.copyOfRange(vals, from, to);
        for (int e = 0; e < keys.length; e++) {
            cols[from + e] = (int) (keys[e] >>> 32);
            vals[from + e] = rowValues[(int) keys[e]];
        }
    }
}
