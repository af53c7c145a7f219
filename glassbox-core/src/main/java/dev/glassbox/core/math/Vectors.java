package dev.glassbox.core.math;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Small numerical helpers over vectors: argmax, a numerically stable softmax and log-sum-exp, top-k, dot products. */
public final class Vectors {
    private Vectors() {
    }

    /** The dot product of two vectors of one length, summed in index order. */
    public static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The index of the largest value (the first on ties). */
    public static int argmax(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("argmax of an empty vector");
        }
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The index of the largest value (the first on ties). */
    public static int argmax(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("argmax of an empty vector");
        }
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Softmax computed in double precision with the maximum subtracted first. */
    public static double[] softmax(float[] logits) {
        return softmax(toDouble(logits));
    }

    /** Softmax with the maximum subtracted first, so that large logits do not overflow. */
    public static double[] softmax(double[] logits) {
        double max = max(logits);
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** {@code log Σ exp(v)} with the maximum subtracted first, so that large values do not overflow. */
    public static double logSumExp(double[] values) {
        double max = max(values);
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The indices of the {@code k} largest values, largest first (lower index first on ties). */
    public static int[] topK(double[] values, int k) {
        int n = Math.min(k, values.length);
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i))
                .limit(n).mapToInt(Integer::intValue).toArray();
    }

    /** Widens to double. */
    public static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Copies rows into one flat array. */
    public static float[] flatten(float[][] rows) {
        int total = Arrays.stream(rows).mapToInt(r -> r.length).sum();
        float[] out = new float[total];
        int at = 0;
        for (float[] row : rows) {
            System.arraycopy(row, 0, out, at, row.length);
            at += row.length;
        }
        return out;
    }
}
