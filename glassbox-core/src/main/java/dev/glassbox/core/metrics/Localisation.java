package dev.glassbox.core.metrics;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.math.Planes;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Shape;

/**
 * How well an attribution map points at the object a {@link BoundingBox} marks, for any attribution (maps with
 * channels are summed over them first, as {@link Planes} does):
 *
 * <ul>
 *   <li>the <b>pointing game</b> (Zhang et al. 2016, with TorchRay's rule): a hit when the map's maximum (the first in
 *       row-major order on ties) lies in the box or less than {@code tolerance} pixels (Euclidean) from a pixel of it —
 *       TorchRay uses 15;
 *   <li>the <b>energy-based pointing game</b> (Wang et al. 2020, Score-CAM): the share of the positive attribution
 *       that falls inside the box, {@code Σ_box max(v, 0) / Σ max(v, 0)};
 *   <li>the <b>IoU of the top k%</b> pixels (the {@code ceil(k/100 · n)} largest, lower index first on ties) with the
 *       box.
 * </ul>
 */
public final class Localisation {
    private Localisation() {
    }

    /** The three scores of one map against one box. */
    public record Scores(boolean hit, double energy, double topIou) {
    }

    /** All three scores of {@code attribution} against {@code box}. */
    public static Scores of(Attribution attribution, BoundingBox box, double tolerance, double topPercent) {
        Shape shape = attribution.grouping().inputShape();
        double[] plane = Planes.plane(attribution.inputValues(), shape);
        int[] hw = Planes.heightWidth(shape);
        return new Scores(pointingGame(plane, hw[0], hw[1], box, tolerance), energy(plane, hw[0], hw[1], box),
                topIou(plane, hw[0], hw[1], box, topPercent));
    }

    /** Whether the maximum of the {@code height × width} map {@code plane} lies within {@code tolerance} of the box. */
    public static boolean pointingGame(double[] plane, int height, int width, BoundingBox box, double tolerance) {
        check(plane, height, width, box);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new InvalidInputException("the pointing game's tolerance must be 0 or more pixels, was " + tolerance);
        }
        int best = 0;
        for (int i = 1; i < plane.length; i++) {
            if (plane[i] > plane[best]) {
                best = i;
            }
        }
        int y = best / width;
        int x = best % width;
        if (box.contains(y, x)) {
            return true;
        }
        int dy = Math.max(0, Math.max(box.row() - y, y - (box.row() + box.height() - 1)));
        int dx = Math.max(0, Math.max(box.col() - x, x - (box.col() + box.width() - 1)));
        return (double) dy * dy + (double) dx * dx < tolerance * tolerance;
    }

    /** The share of the map's positive attribution inside the box. */
    public static double energy(double[] plane, int height, int width, BoundingBox box) {
        check(plane, height, width, box);
        double inside = 0;
        double total = 0;
        for (int i = 0; i < plane.length; i++) {
            double positive = Math.max(0, plane[i]);
            total += positive;
            if (box.contains(i / width, i % width)) {
                inside += positive;
            }
        }
        if (total == 0) {
            throw new InvalidInputException("the map has no positive attribution, so the energy-based pointing game "
                    + "is undefined");
        }
        return inside / total;
    }

    /** The intersection over union of the top {@code percent}% pixels of the map with the box. */
    public static double topIou(double[] plane, int height, int width, BoundingBox box, double percent) {
        check(plane, height, width, box);
        if (!(percent > 0 && percent <= 100)) {
            throw new InvalidInputException("the top-k% IoU needs 0 < k ≤ 100 percent, was " + percent);
        }
        int k = (int) Math.ceil(percent / 100 * plane.length - 1e-9);
        int shared = 0;
        for (int i : Vectors.topK(plane, Math.max(1, k))) {
            shared += box.contains(i / width, i % width) ? 1 : 0;
        }
        return shared / (double) (Math.max(1, k) + box.area() - shared);
    }

    private static void check(double[] plane, int height, int width, BoundingBox box) {
        if (height < 1 || width < 1 || plane.length != (long) height * width) {
            throw new InvalidInputException("a map of " + plane.length + " values is not a " + height + "×" + width
                    + " image");
        }
        for (double v : plane) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("the map holds " + v + ": localisation needs finite attributions");
            }
        }
        box.requireInside(height, width);
    }
}
