package dev.glassbox.core.model;

import dev.glassbox.core.InvalidInputException;

/** Checks that a batch fits a model before it reaches an engine, so that bad input fails with a clear message. */
public final class Batches {
    private Batches() {
    }

    /**
     * Throws {@link InvalidInputException} unless the batch is non-empty, every row holds {@code shape.size()} values and
     * every value is finite.
     */
    public static void requireValid(float[][] batch, Shape shape) {
        if (batch == null || batch.length == 0) {
            throw new InvalidInputException("the batch is empty: pass at least one sample of shape " + shape);
        }
        int expected = shape.size();
        for (int row = 0; row < batch.length; row++) {
            float[] sample = batch[row];
            if (sample == null || sample.length != expected) {
                throw new InvalidInputException("sample " + row + " has " + (sample == null ? 0 : sample.length)
                        + " values but the model expects " + expected + " (shape " + shape + ")");
            }
            requireFinite(sample, "sample " + row);
        }
    }

    /** Throws {@link InvalidInputException} naming {@code what} and the first index holding NaN or an infinity. */
    public static void requireFinite(float[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InvalidInputException(what + " holds " + values[i] + " at index " + i + ": inputs must be finite numbers");
            }
        }
    }

    /**
     * Applies {@code f} to consecutive chunks of at most {@code chunk} rows and joins the results, so that a large batch
     * never reaches an engine at once.
     */
    public static float[][] mapInChunks(float[][] rows, int chunk, java.util.function.UnaryOperator<float[][]> f) {
        return mapInChunks(rows, rows, chunk, (a, b) -> f.apply(a));
    }

    /** Like {@link #mapInChunks(float[][], int, java.util.function.UnaryOperator)} over two aligned row sets. */
    public static float[][] mapInChunks(float[][] rows, float[][] aligned, int chunk,
            java.util.function.BinaryOperator<float[][]> f) {
        if (rows.length <= chunk) {
            return f.apply(rows, aligned);
        }
        float[][] out = new float[rows.length][];
        for (int[] range : chunks(rows.length, chunk)) {
            float[][] part = f.apply(java.util.Arrays.copyOfRange(rows, range[0], range[1]),
                    java.util.Arrays.copyOfRange(aligned, range[0], range[1]));
            System.arraycopy(part, 0, out, range[0], part.length);
        }
        return out;
    }

    /** Splits {@code [0, n)} into consecutive chunks of at most {@code chunk} rows, as {@code [from, to)} pairs. */
    public static int[][] chunks(int n, int chunk) {
        if (chunk <= 0) {
            throw new IllegalArgumentException("chunk size must be positive, was " + chunk);
        }
        int count = (n + chunk - 1) / chunk;
        int[][] out = new int[count][];
        for (int i = 0; i < count; i++) {
            out[i] = new int[] {i * chunk, Math.min(n, (i + 1) * chunk)};
        }
        return out;
    }
}
