package dev.glassbox.core.metrics;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Pearson's and Spearman's correlation of two equally long vectors. Spearman's ρ is Pearson's r of the ranks, ties
 * sharing the average of the ranks they span. A constant vector has no ordering to agree with: its correlation with
 * anything is reported as 0, never NaN.
 */
public final class Correlation {
    private Correlation() {
    }

    /** Pearson's r = cov(a, b) / (σ_a σ_b). */
    public static double pearson(double[] a, double[] b) {
        check(a, b);
        double meanA = Arrays.stream(a).average().orElse(0);
        double meanB = Arrays.stream(b).average().orElse(0);
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            covariance += da * db;
            varianceA += da * da;
            varianceB += db * db;
        }
        if (varianceA == 0 || varianceB == 0) {
            return 0;
        }
        return Math.max(-1, Math.min(1, covariance / Math.sqrt(varianceA * varianceB)));
    }

    /** Spearman's ρ: Pearson's r of the average ranks. */
    public static double spearman(double[] a, double[] b) {
        check(a, b);
        return pearson(ranks(a), ranks(b));
    }

    /** Spearman's ρ of the absolute values, which ignores sign flips (as in Adebayo et al. 2018). */
    public static double spearmanOfMagnitudes(double[] a, double[] b) {
        return spearman(Arrays.stream(a).map(Math::abs).toArray(), Arrays.stream(b).map(Math::abs).toArray());
    }

    /** Ranks 1..n in ascending order of value; tied values share the average of the ranks they occupy. */
    public static double[] ranks(double[] values) {
        requireFinite(values);
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] out = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double average = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                out[order[k]] = average;
            }
            start = end + 1;
        }
        return out;
    }

    /** Equal, non-trivial lengths and finite values, or an {@link InvalidInputException}. */
    static void check(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new InvalidInputException("cannot compare maps of " + a.length + " and " + b.length + " values");
        }
        if (a.length < 2) {
            throw new InvalidInputException("a correlation needs at least two values, got " + a.length);
        }
        requireFinite(a);
        requireFinite(b);
    }

    static void requireFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException("a map holds " + values[i] + " at index " + i + ": maps must be finite");
            }
        }
    }
}
