package dev.glassbox.core.render;

import java.awt.Color;
import java.util.Locale;

/**
 * A linear map from data values to pixels along one axis, widened to round ticks (1, 2 or 5 times a power of ten), and
 * the drawing of that axis with its ticks and labels. Used by the summary plots of many attributions.
 */
final class PlotScale {
    private static final Color INK = new Color(0x1b1f24);
    private static final Color GRID = new Color(0xd0d7de);
    private static final int TICKS = 5;

    private final double low;
    private final double high;
    private final double step;
    private final double from;
    private final double to;

    /** A scale over the data range [{@code min}, {@code max}] onto the pixels [{@code from}, {@code to}]. */
    PlotScale(double min, double max, double from, double to) {
        if (!(max > min)) {
            double pad = Math.max(Math.abs(min) * 0.1, 1e-6);
            min -= pad;
            max += pad;
        }
        double raw = (max - min) / TICKS;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        this.step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
        this.low = Math.floor(min / step) * step;
        this.high = Math.ceil(max / step) * step;
        this.from = from;
        this.to = to;
    }

    /** The pixel of {@code value}. */
    double pixel(double value) {
        return from + (value - low) / (high - low) * (to - from);
    }

    /** A horizontal axis at pixel row {@code y}, ticks and labels below it, grid lines up to {@code top}. */
    void drawHorizontal(Drawing d, double y, double top, String label) {
        d.rect(Math.min(from, to), y, Math.abs(to - from), 1, INK, null);
        for (double v = low; v <= high + step / 2; v += step) {
            double x = pixel(v);
            d.rect(x, top, 0.5, y - top, GRID, null);
            String text = format(v);
            d.text(x - d.textWidth(text, 11, false) / 2, y + 15, text, 11, false, INK);
        }
        d.text((from + to) / 2 - d.textWidth(label, 12, false) / 2, y + 34, label, 12, false, INK);
    }

    /** A vertical axis at pixel column {@code x}, ticks and labels to its left, grid lines across to {@code right}. */
    void drawVertical(Drawing d, double x, double right, String label) {
        d.rect(x, Math.min(from, to), 1, Math.abs(to - from), INK, null);
        for (double v = low; v <= high + step / 2; v += step) {
            double y = pixel(v);
            d.rect(x, y, right - x, 0.5, GRID, null);
            String text = format(v);
            d.text(x - 6 - d.textWidth(text, 11, false), y + 4, text, 11, false, INK);
        }
        d.text(8, Math.min(from, to) - 10, label, 12, false, INK);
    }

    private String format(double v) {
        double rounded = Math.abs(v) < step / 1e6 ? 0 : v;
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", rounded);
    }
}
