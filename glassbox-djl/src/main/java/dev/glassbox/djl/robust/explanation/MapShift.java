package dev.glassbox.djl.robust.explanation;

import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.metrics.Correlation;
import dev.glassbox.core.metrics.TopKIntersection;

/**
 * How far an explanation map moved: the share of the original map's k largest features still among the moved map's
 * k largest ({@link TopKIntersection}), and Spearman's rank correlation of the two maps. Both read magnitudes, the
 * attack's maps being absolute values.
 *
 * @param topKIntersection |top_k(original) ∩ top_k(moved)| / k: 1 when the same features stand out
 * @param spearman Spearman's ρ of the two maps
 */
public record MapShift(double topKIntersection, double spearman) {

    /** The shift from {@code original} to {@code moved}, comparing their {@code k} largest values. */
    public static MapShift between(float[] original, float[] moved, int k) {
        double[] a = Vectors.toDouble(original);
        double[] b = Vectors.toDouble(moved);
        return new MapShift(TopKIntersection.of(a, b, k), Correlation.spearman(a, b));
    }
}
