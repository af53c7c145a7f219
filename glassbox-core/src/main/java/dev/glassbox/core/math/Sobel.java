package dev.glassbox.core.math;

/**
 * The Sobel edge detector: the gradient magnitude √(g_x² + g_y²) of a plane under the 3×3 Sobel kernels, edges
 * replicated. A map that depends on the image alone, not on any model: the baseline that the sanity checks of Adebayo
 * et al. (2018) hold explanations against.
 */
public final class Sobel {
    private Sobel() {
    }

    /** The edge magnitude of an h×w plane. */
    public static double[] magnitude(double[] plane, int h, int w) {
        if (plane.length != h * w) {
            throw new IllegalArgumentException(plane.length + " values for a " + h + "×" + w + " plane");
        }
        double[] out = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gx = at(plane, h, w, y - 1, x + 1) + 2 * at(plane, h, w, y, x + 1) + at(plane, h, w, y + 1, x + 1)
                        - at(plane, h, w, y - 1, x - 1) - 2 * at(plane, h, w, y, x - 1) - at(plane, h, w, y + 1, x - 1);
                double gy = at(plane, h, w, y + 1, x - 1) + 2 * at(plane, h, w, y + 1, x) + at(plane, h, w, y + 1, x + 1)
                        - at(plane, h, w, y - 1, x - 1) - 2 * at(plane, h, w, y - 1, x) - at(plane, h, w, y - 1, x + 1);
                out[y * w + x] = Math.hypot(gx, gy);
            }
        }
        return out;
    }

    private static double at(double[] plane, int h, int w, int y, int x) {
        return plane[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))];
    }
}
