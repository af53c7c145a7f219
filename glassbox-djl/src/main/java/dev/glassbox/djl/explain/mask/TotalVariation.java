package dev.glassbox.djl.explain.mask;

/**
 * Fong and Vedaldi 2017's smoothness penalty of a height × width mask: TV_β(m) = Σ_u ((m(u + e_y) − m(u))² +
 * (m(u + e_x) − m(u))²)^{β/2}, forward differences, no term across the last row or column.
 */
final class TotalVariation {
    private final int height;
    private final int width;
    private final double beta;

    TotalVariation(int height, int width, double beta) {
        this.height = height;
        this.width = width;
        this.beta = beta;
    }

    /** Adds {@code weight} · ∂TV/∂m to {@code gradient} and returns TV(m). */
    double addGradient(double[] m, double weight, double[] gradient) {
        double total = 0;
        for (int y = 0; y + 1 < height; y++) {
            for (int x = 0; x + 1 < width; x++) {
                int i = y * width + x;
                double dy = m[i + width] - m[i];
                double dx = m[i + 1] - m[i];
                double squared = dy * dy + dx * dx;
                total += Math.pow(squared, beta / 2);
                if (squared > 0) {
                    double outer = weight * beta * Math.pow(squared, beta / 2 - 1);
                    gradient[i + width] += outer * dy;
                    gradient[i + 1] += outer * dx;
                    gradient[i] -= outer * (dy + dx);
                }
            }
        }
        return total;
    }
}
