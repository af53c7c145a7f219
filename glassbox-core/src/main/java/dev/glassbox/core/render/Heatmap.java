package dev.glassbox.core.render;

import dev.glassbox.core.math.Planes;
import dev.glassbox.core.model.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Attribution maps as pictures. Channels are summed; values are scaled by the threshold below which
 * {@code 100 − outlierPercent}% of the total |attribution| lies (Captum's {@code visualize_image_attr} convention) and
 * clipped to [−1, 1]; signed maps use a diverging blue–white–red colormap, absolute maps a sequential one. Over an
 * image, each pixel blends the grey image with the colour by the square root of its scaled attribution, so that
 * weak evidence stays visible. Small maps are enlarged
 * by pixel repetition so that they stay readable.
 */
public final class Heatmap {
    /** The default share of the largest attributions that saturate the colour scale. */
    public static final double DEFAULT_OUTLIER_PERCENT = 2;

    private static final int[][] DIVERGING = {{33, 102, 172}, {146, 197, 222}, {247, 247, 247}, {244, 165, 130}, {178, 24, 43}};
    private static final int[][] SEQUENTIAL = {{255, 255, 255}, {254, 217, 118}, {253, 141, 60}, {227, 26, 28}, {128, 0, 38}};

    private Heatmap() {
    }

    /** Whether a map is shown with its sign (diverging colours) or as magnitudes (sequential colours). */
    public enum Sign {
        /** Negative blue, positive red. */
        SIGNED,
        /** Magnitudes, light to dark. */
        ABSOLUTE;

        /** Signed when any value is negative. */
        public static Sign of(float[] values) {
            for (float v : values) {
                if (v < 0) {
                    return SIGNED;
                }
            }
            return ABSOLUTE;
        }
    }

    /**
     * How a map is drawn: its colour scale ({@link Sign}), the share of the largest attributions that saturate the
     * colours (the contrast: larger shares saturate more of the map), the smallest side of the picture in pixels, and
     * the opacity of the colours over an image (1: weak evidence still tints the image by the square root of its
     * scaled value; 0.5: half as strongly).
     *
     * @param sign the colour scale
     * @param outlierPercent the share, in percent of the total |attribution|, held by the values that saturate
     * @param minSide the smallest length of the picture's longer side; small maps are enlarged by pixel repetition
     * @param opacity how strongly colours cover the image underneath, in (0, 1]
     */
    public record Style(Sign sign, double outlierPercent, int minSide, double opacity) {
        public Style {
            if (!(outlierPercent >= 0 && outlierPercent < 100)) {
                throw new IllegalArgumentException("outlierPercent must lie in [0, 100), not " + outlierPercent);
            }
            if (minSide < 1) {
                throw new IllegalArgumentException("minSide must be at least 1, not " + minSide);
            }
            if (!(opacity > 0 && opacity <= 1)) {
                throw new IllegalArgumentException("opacity must lie in (0, 1], not " + opacity);
            }
        }

        /** The defaults for a map: its sign read from the values, 2% outliers, 224 pixels, full opacity. */
        public static Style of(float[] values) {
            return new Style(Sign.of(values), DEFAULT_OUTLIER_PERCENT, 224, 1);
        }

        /** This style with another opacity. */
        public Style withOpacity(double value) {
            return new Style(sign, outlierPercent, minSide, value);
        }

        /** This style with another share of saturating values (the contrast). */
        public Style withOutlierPercent(double value) {
            return new Style(sign, value, minSide, opacity);
        }

        /** This style with another smallest side. */
        public Style withMinSide(int value) {
            return new Style(sign, outlierPercent, value, opacity);
        }
    }

    /**
     * A PNG of the map drawn in {@code style}, over {@code image} (values in [0, 1], C×H×W flattened with the map's
     * height and width) when it is not {@code null}; small maps are enlarged by pixel repetition until their longer
     * side reaches the style's smallest side ({@code 1}: one pixel per value). Refuses values whose
     * count is not the shape's size, and an image whose size is not a whole number of the map's height × width planes,
     * rather than drawing part of the map or leaving the image out.
     */
    public static byte[] png(float[] values, Shape shape, float[] image, Style style) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("the map has " + values.length + " values but its shape " + shape
                    + " holds " + shape.size());
        }
        int[] hw = Planes.heightWidth(shape);
        int h = hw[0];
        int w = hw[1];
        if (image != null && (image.length == 0 || image.length % (h * w) != 0)) {
            throw new IllegalArgumentException("the image under the map has " + image.length + " values, not a whole "
                    + "number of " + h + "×" + w + " planes: give an image with the map's height and width");
        }
        float[] plane = Planes.sumChannels(values, h * w);
        Sign sign = style.sign();
        double threshold = cumulativeThreshold(plane, sign, style.outlierPercent());
        float[] grey = image == null ? null : greyPlane(image, h, w);
        int scale = Math.max(1, (int) Math.ceil(style.minSide() / (double) Math.max(h, w)));
        BufferedImage out = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = plane[y * w + x] / threshold;
                v = Math.max(sign == Sign.SIGNED ? -1 : 0, Math.min(1, sign == Sign.SIGNED ? v : Math.abs(v)));
                int rgb = colour(v, sign, grey == null ? Float.NaN : grey[y * w + x], style.opacity());
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        out.setRGB(x * scale + dx, y * scale + dy, rgb);
                    }
                }
            }
        }
        return encode(out);
    }

    /** The value at which the sorted |values| reach {@code 100 − outlierPercent}% of their total; 1 when all are zero. */
    static double cumulativeThreshold(float[] plane, Sign sign, double outlierPercent) {
        double[] magnitudes = new double[plane.length];
        double total = 0;
        for (int i = 0; i < plane.length; i++) {
            magnitudes[i] = Math.abs(plane[i]);
            total += magnitudes[i];
        }
        if (total == 0) {
            return 1;
        }
        java.util.Arrays.sort(magnitudes);
        double target = total * (100 - outlierPercent) / 100;
        double running = 0;
        for (double m : magnitudes) {
            running += m;
            if (running >= target) {
                return m > 0 ? m : 1;
            }
        }
        return magnitudes[magnitudes.length - 1];
    }

    private static float[] greyPlane(float[] image, int h, int w) {
        int channels = image.length / (h * w);
        float[] grey = new float[h * w];
        for (int i = 0; i < image.length; i++) {
            grey[i % (h * w)] += image[i] / channels;
        }
        return grey;
    }

    private static int colour(double v, Sign sign, float grey, double opacity) {
        int[] rgb = sign == Sign.SIGNED ? diverging(v) : interpolate(SEQUENTIAL, v);
        if (Float.isNaN(grey)) {
            return rgb[0] << 16 | rgb[1] << 8 | rgb[2];
        }
        double alpha = Math.min(1, opacity * Math.sqrt(Math.abs(v)));
        int base = (int) Math.round(255 * Math.max(0, Math.min(1, grey)) * 0.85);
        int r = (int) Math.round((1 - alpha) * base + alpha * rgb[0]);
        int g = (int) Math.round((1 - alpha) * base + alpha * rgb[1]);
        int b = (int) Math.round((1 - alpha) * base + alpha * rgb[2]);
        return r << 16 | g << 8 | b;
    }

    /** The diverging colour (red, green, blue) of a scaled value in [−1, 1]: blue, white at 0, red. */
    static int[] diverging(double v) {
        return interpolate(DIVERGING, (v + 1) / 2);
    }

    private static int[] interpolate(int[][] stops, double t) {
        double position = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) position);
        double f = position - i;
        int[] out = new int[3];
        for (int c = 0; c < 3; c++) {
            out[c] = (int) Math.round((1 - f) * stops[i][c] + f * stops[i + 1][c]);
        }
        return out;
    }

    private static byte[] encode(BufferedImage image) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
