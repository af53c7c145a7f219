package dev.glassbox.core.metrics;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import java.util.HashSet;
import java.util.Set;

/**
 * The share of one map's k largest values whose positions are also among the other map's k largest: 1 when two maps
 * single out the same features, about k/n for unrelated maps of n values. Ties go to the lower index.
 */
public final class TopKIntersection {
    private TopKIntersection() {
    }

    /** |top_k(a) ∩ top_k(b)| / k. */
    public static double of(double[] a, double[] b, int k) {
        Correlation.check(a, b);
        if (k < 1 || k > a.length) {
            throw new InvalidInputException("top-k intersection needs 1 ≤ k ≤ " + a.length + ", got " + k);
        }
        Set<Integer> top = new HashSet<>();
        for (int i : Vectors.topK(a, k)) {
            top.add(i);
        }
        int shared = 0;
        for (int i : Vectors.topK(b, k)) {
            shared += top.contains(i) ? 1 : 0;
        }
        return shared / (double) k;
    }
}
