package dev.glassbox.core.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart as PNG: one polyline per series over x in [0, 1], solid or dashed, in a categorical palette, with a
 * legend beside the plot. Named x ticks label evenly spaced steps (e.g. the
 * layers of a randomisation cascade); without them x is a share from 0 to 1.
 */
public final class LineChart {
    /** Tableau's ten categorical colours; a palette safe for most colour-vision deficiencies. */
    static final Color[] PALETTE = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759),
        new Color(0x76b7b2), new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
        new Color(0x9c755f), new Color(0xbab0ac)};

    private LineChart() {
    }

    /**
     * One line.
     *
     * @param label the legend's text
     * @param x positions in [0, 1]
     * @param y values, as many as positions
     * @param dashed whether to dash the line (for baselines)
     */
    public record Series(String label, double[] x, double[] y, boolean dashed) {
        public Series {
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException("series " + label + " has " + x.length + " positions and "
                        + y.length + " values");
            }
        }

        /** A series over evenly spaced steps 0, 1, …, n − 1 drawn at x = step / (n − 1). */
        public static Series overSteps(String label, double[] y, boolean dashed) {
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = y.length == 1 ? 0 : i / (double) (y.length - 1);
            }
            return new Series(label, x, y, dashed);
        }
    }

    /** The chart; {@code xTicks} names evenly spaced ticks, or {@code null} for a 0–1 share axis. */
    public static byte[] png(String title, String xLabel, String yLabel, double yMin, double yMax, List<String> xTicks,
            List<Series> series) {
        if (!(yMax > yMin)) {
            throw new IllegalArgumentException("the y axis needs yMin < yMax, got " + yMin + " and " + yMax);
        }
        List<ChartCanvas.LegendEntry> legend = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            legend.add(new ChartCanvas.LegendEntry(series.get(s).label(), colour(series.get(s), s), true));
        }
        ChartCanvas canvas = new ChartCanvas(title, xLabel, yLabel, yMin, yMax, xTicks,
                ChartCanvas.legendWidth(legend));
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            for (int i = 1; i < line.x().length; i++) {
                canvas.line(line.x()[i - 1], clip(line.y()[i - 1], yMin, yMax), line.x()[i],
                        clip(line.y()[i], yMin, yMax), colour(line, s), line.dashed());
            }
        }
        canvas.legendBeside(legend);
        return canvas.png();
    }

    private static Color colour(Series line, int index) {
        return line.dashed() ? ChartCanvas.INK : PALETTE[index % PALETTE.length];
    }

    private static double clip(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }
}
