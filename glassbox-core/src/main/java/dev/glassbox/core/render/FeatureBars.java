package dev.glassbox.core.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Attributions of named features (tabular columns, tokens, groups) as horizontal bars, largest magnitude first:
 * a bar chart of the values, or a waterfall that starts at the expected output and steps through each feature's
 * contribution to the model's output (as SHAP's waterfall plot). Positive values red, negative blue.
 */
public final class FeatureBars {
    private static final Color POSITIVE = new Color(0xb2182b);
    private static final Color NEGATIVE = new Color(0x2166ac);
    private static final Color INK = new Color(0x1b1f24);
    private static final int ROW = 22;
    private static final int LABEL_WIDTH = 210;
    private static final int PLOT_WIDTH = 420;
    private static final int MARGIN = 16;

    private FeatureBars() {
    }

    /** A PNG bar chart of the {@code maxFeatures} largest attributions. */
    public static byte[] bars(List<String> names, float[] values, String title, int maxFeatures) {
        int[] order = largestFirst(values, maxFeatures);
        double extent = 0;
        for (int i : order) {
            extent = Math.max(extent, Math.abs(values[i]));
        }
        double[] starts = new double[order.length];
        double[] ends = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            ends[r] = values[order[r]];
        }
        return draw(title, labels(names, values, order), starts, ends, -extent, extent, Double.NaN, Double.NaN);
    }

    /**
     * A PNG waterfall from {@code expected} (E[f]) to {@code expected + Σ values} (f(x)), the {@code maxFeatures}
     * largest contributions shown one by one and the rest folded into one row.
     */
    public static byte[] waterfall(List<String> names, float[] values, double expected, String title, int maxFeatures) {
        int[] order = largestFirst(values, maxFeatures);
        double rest = 0;
        for (float v : values) {
            rest += v;
        }
        for (int i : order) {
            rest -= values[i];
        }
        boolean folded = order.length < values.length;
        int rows = order.length + (folded ? 1 : 0);
        String[] labels = new String[rows];
        double[] starts = new double[rows];
        double[] ends = new double[rows];
        double running = expected;
        String[] top = labels(names, values, order);
        for (int r = 0; r < rows; r++) {
            double step = r < order.length ? values[order[r]] : rest;
            labels[r] = r < order.length ? top[r] : (values.length - order.length) + " other features";
            starts[r] = running;
            running += step;
            ends[r] = running;
        }
        double low = Math.min(expected, running);
        double high = Math.max(expected, running);
        for (int r = 0; r < rows; r++) {
            low = Math.min(low, Math.min(starts[r], ends[r]));
            high = Math.max(high, Math.max(starts[r], ends[r]));
        }
        return draw(title, labels, starts, ends, low, high, expected, running);
    }

    private static int[] largestFirst(float[] values, int maxFeatures) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -Math.abs(values[i])).thenComparingInt(i -> i))
                .limit(Math.max(1, maxFeatures)).mapToInt(Integer::intValue).toArray();
    }

    private static String[] labels(List<String> names, float[] values, int[] order) {
        String[] out = new String[order.length];
        for (int r = 0; r < order.length; r++) {
            String name = order[r] < names.size() ? names.get(order[r]) : "feature " + order[r];
            out[r] = String.format("%s  %+.3g", name.length() > 24 ? name.substring(0, 23) + "…" : name, values[order[r]]);
        }
        return out;
    }

    private static byte[] draw(String title, String[] labels, double[] starts, double[] ends, double low, double high,
            double expected, double output) {
        if (high - low < 1e-12) {
            high = low + 1;
        }
        double pad = 0.05 * (high - low);
        double lo = low - pad;
        double hi = high + pad;
        boolean waterfall = !Double.isNaN(expected);
        int height = MARGIN * 2 + 28 + labels.length * ROW + (waterfall ? 34 : 16);
        int width = LABEL_WIDTH + PLOT_WIDTH + MARGIN * 2;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, MARGIN, MARGIN + 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int top = MARGIN + 28;
        int x0 = MARGIN + LABEL_WIDTH;
        java.util.function.DoubleToIntFunction px = v -> x0 + (int) Math.round((v - lo) / (hi - lo) * PLOT_WIDTH);
        g.setColor(new Color(0xd0d7de));
        int zero = px.applyAsInt(waterfall ? expected : 0);
        g.drawLine(zero, top - 4, zero, top + labels.length * ROW);
        for (int r = 0; r < labels.length; r++) {
            int y = top + r * ROW;
            int a = px.applyAsInt(Math.min(starts[r], ends[r]));
            int b = px.applyAsInt(Math.max(starts[r], ends[r]));
            g.setColor(ends[r] >= starts[r] ? POSITIVE : NEGATIVE);
            g.fillRect(a, y + 3, Math.max(1, b - a), ROW - 6);
            g.setColor(INK);
            g.drawString(labels[r], MARGIN, y + ROW - 7);
        }
        if (waterfall) {
            int y = top + labels.length * ROW + 16;
            g.setStroke(new BasicStroke(1f));
            g.drawString(String.format("E[f] = %.4g", expected), Math.max(x0, zero - 40), y);
            g.drawString(String.format("f(x) = %.4g", output), Math.min(width - 110, px.applyAsInt(output) - 20), y + 14);
        }
        g.dispose();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
