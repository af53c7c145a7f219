package dev.glassbox.core.metrics;

import dev.glassbox.core.InvalidInputException;

/**
 * The structural similarity index of two maps (Wang et al. 2004): at every position where the window fits,
 * ((2μ_aμ_b + C1)(2σ_ab + C2)) / ((μ_a² + μ_b² + C1)(σ_a² + σ_b² + C2)) with window-weighted means, variances and
 * covariance, averaged over positions. C1 = (0.01 L)², C2 = (0.03 L)², L the data range of the two maps together
 * (largest minus smallest value). The window is the paper's 11×11 Gaussian of σ = 1.5 on maps at least 11×11, and on
 * smaller maps a uniform window of the largest odd side that fits, at most 7 (as scikit-image's default).
 *
 * <p>SSIM compares raw values: a map and its negation score near −1 where the map's local means are near zero, but
 * can score well above 0 where they are not, since the luminance and structure terms are then both negative.
 */
public final class Ssim {
    /** Wang et al.'s constant for the luminance term. */
    public static final double K1 = 0.01;
    /** Wang et al.'s constant for the contrast–structure term. */
    public static final double K2 = 0.03;
    /** The Gaussian window's side. */
    public static final int GAUSSIAN_SIZE = 11;
    /** The Gaussian window's standard deviation in pixels. */
    public static final double GAUSSIAN_SIGMA = 1.5;
    /** The largest uniform window used on maps too small for the Gaussian one. */
    public static final int UNIFORM_MAX = 7;

    private Ssim() {
    }

    /** SSIM of two h×w maps with the default window. */
    public static double of(double[] a, double[] b, int h, int w) {
        return of(a, b, h, w, defaultWindow(h, w));
    }

    /** SSIM of two h×w maps with a given square window of weights summing to 1. */
    public static double of(double[] a, double[] b, int h, int w, double[][] window) {
        Correlation.check(a, b);
        if (a.length != h * w) {
            throw new InvalidInputException(a.length + " values do not form a " + h + "×" + w + " map");
        }
        int side = window.length;
        if (side > h || side > w) {
            throw new InvalidInputException("a " + side + "×" + side + " window does not fit into a " + h + "×" + w
                    + " map");
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            low = Math.min(low, Math.min(a[i], b[i]));
            high = Math.max(high, Math.max(a[i], b[i]));
        }
        double range = high - low;
        if (range == 0) {
            return 1;
        }
        double c1 = (K1 * range) * (K1 * range);
        double c2 = (K2 * range) * (K2 * range);
        double total = 0;
        int positions = 0;
        for (int top = 0; top + side <= h; top++) {
            for (int left = 0; left + side <= w; left++) {
                total += local(a, b, w, top, left, window, c1, c2);
                positions++;
            }
        }
        return total / positions;
    }

    /** The paper's Gaussian window where it fits, else the largest odd uniform window up to {@link #UNIFORM_MAX}. */
    public static double[][] defaultWindow(int h, int w) {
        int fits = Math.min(h, w);
        if (fits >= GAUSSIAN_SIZE) {
            return gaussianWindow(GAUSSIAN_SIZE, GAUSSIAN_SIGMA);
        }
        int side = Math.min(UNIFORM_MAX, fits % 2 == 1 ? fits : fits - 1);
        return uniformWindow(Math.max(1, side));
    }

    /** A side×side Gaussian window of standard deviation sigma, normalised to sum 1. */
    public static double[][] gaussianWindow(int side, double sigma) {
        double[][] out = new double[side][side];
        double centre = (side - 1) / 2.0;
        double sum = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double r2 = (y - centre) * (y - centre) + (x - centre) * (x - centre);
                out[y][x] = Math.exp(-r2 / (2 * sigma * sigma));
                sum += out[y][x];
            }
        }
        for (double[] row : out) {
            for (int x = 0; x < side; x++) {
                row[x] /= sum;
            }
        }
        return out;
    }

    /** A side×side window of equal weights. */
    public static double[][] uniformWindow(int side) {
        double[][] out = new double[side][side];
        for (double[] row : out) {
            java.util.Arrays.fill(row, 1.0 / (side * side));
        }
        return out;
    }

    private static double local(double[] a, double[] b, int w, int top, int left, double[][] window, double c1,
            double c2) {
        double meanA = 0;
        double meanB = 0;
        double squareA = 0;
        double squareB = 0;
        double product = 0;
        for (int y = 0; y < window.length; y++) {
            for (int x = 0; x < window.length; x++) {
                double weight = window[y][x];
                double va = a[(top + y) * w + left + x];
                double vb = b[(top + y) * w + left + x];
                meanA += weight * va;
                meanB += weight * vb;
                squareA += weight * va * va;
                squareB += weight * vb * vb;
                product += weight * va * vb;
            }
        }
        double varianceA = squareA - meanA * meanA;
        double varianceB = squareB - meanB * meanB;
        double covariance = product - meanA * meanB;
        return (2 * meanA * meanB + c1) * (2 * covariance + c2)
                / ((meanA * meanA + meanB * meanB + c1) * (varianceA + varianceB + c2));
    }
}
