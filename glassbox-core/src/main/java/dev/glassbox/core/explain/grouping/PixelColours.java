package dev.glassbox.core.explain.grouping;

/**
 * The colour of each pixel of a channels-first image as segmenters compare them: CIELAB for grey or RGB images in
 * [0, 1] (a grey image is taken as RGB with equal channels, as LIME does), or the raw channel values.
 */
final class PixelColours {
    private static final double[][] XYZ_FROM_RGB = {
        {0.412453, 0.357580, 0.180423},
        {0.212671, 0.715160, 0.072169},
        {0.019334, 0.119193, 0.950227},
    };
    private static final double[] WHITE_D65 = {0.95047, 1.0, 1.08883};

    private PixelColours() {
    }

    /** One colour vector per pixel, in row-major pixel order, each multiplied by {@code scale}. */
    static double[][] of(float[] image, ImageDims dims, boolean lab, double scale) {
        int pixels = dims.pixels();
        boolean convert = lab && (dims.channels() == 1 || dims.channels() == 3);
        double[][] out = new double[pixels][];
        for (int p = 0; p < pixels; p++) {
            double[] colour = new double[dims.channels()];
            for (int c = 0; c < colour.length; c++) {
                colour[c] = image[c * pixels + p];
            }
            if (convert) {
                colour = colour.length == 1 ? toLab(colour[0], colour[0], colour[0]) : toLab(colour[0], colour[1], colour[2]);
            }
            for (int c = 0; c < colour.length; c++) {
                colour[c] *= scale;
            }
            out[p] = colour;
        }
        return out;
    }

    /** sRGB in [0, 1] to CIELAB under the D65 illuminant. */
    static double[] toLab(double r, double g, double b) {
        double[] linear = {linear(r), linear(g), linear(b)};
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            double xyz = 0;
            for (int j = 0; j < 3; j++) {
                xyz += XYZ_FROM_RGB[i][j] * linear[j];
            }
            double t = xyz / WHITE_D65[i];
            f[i] = t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116.0;
        }
        return new double[] {116.0 * f[1] - 16.0, 500.0 * (f[0] - f[1]), 200.0 * (f[1] - f[2])};
    }

    private static double linear(double c) {
        return c > 0.04045 ? Math.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
    }

    /** The squared Euclidean distance between two colours. */
    static double distanceSquared(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
