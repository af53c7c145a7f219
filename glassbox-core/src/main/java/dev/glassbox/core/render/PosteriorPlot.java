package dev.glassbox.core.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Pictures of a Gaussian process posterior during Bayesian optimisation. In 1-D: the posterior mean with a band of
 * ±2 standard deviations, the observations and the next point, above the acquisition function. In 2-D: three maps
 * side by side — posterior mean, posterior standard deviation, acquisition — with the observations as white dots and
 * the next point as a red cross.
 */
public final class PosteriorPlot {
    private static final Color BAND = new Color(0xc6dbef);
    private static final Color MEAN = new Color(0x2171b5);
    private static final Color NEXT = new Color(0xd62728);
    private static final Color ACQUISITION = new Color(0x59a14f);
    private static final int[][] VIRIDIS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private PosteriorPlot() {
    }

    /**
     * A 1-D posterior over a grid.
     *
     * @param x grid positions, increasing
     * @param mean the posterior mean at each position
     * @param std the posterior standard deviation at each position
     * @param acquisition the acquisition at each position
     * @param observedX where the objective was evaluated
     * @param observedY what it returned
     * @param next the point proposed next
     */
    public record PosteriorCurve(double[] x, double[] mean, double[] std, double[] acquisition, double[] observedX,
            double[] observedY, double next) {
        public PosteriorCurve {
            if (x.length < 2 || mean.length != x.length || std.length != x.length || acquisition.length != x.length
                    || observedX.length != observedY.length) {
                throw new IllegalArgumentException("a posterior curve needs at least two grid positions with a mean, "
                        + "std and acquisition each, and as many observed values as positions");
            }
        }
    }

    /**
     * A 2-D posterior over a regular grid.
     *
     * @param lower the box's lower corner (x1, x2)
     * @param upper the box's upper corner
     * @param mean the posterior mean, [row = x2 index][column = x1 index], x2 increasing upwards
     * @param std the posterior standard deviation on the same grid
     * @param acquisition the acquisition on the same grid
     * @param observed the evaluated points (x1, x2)
     * @param next the point proposed next
     */
    public record PosteriorSurface(double[] lower, double[] upper, double[][] mean, double[][] std, double[][] acquisition,
            double[][] observed, double[] next) {
    }

    /** The 1-D picture as PNG: the posterior above, the acquisition below. */
    public static byte[] png(PosteriorCurve c, String xLabel, String acquisitionName) {
        int n = c.x().length;
        double x0 = c.x()[0];
        double span = c.x()[n - 1] - x0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            low = Math.min(low, c.mean()[i] - 2 * c.std()[i]);
            high = Math.max(high, c.mean()[i] + 2 * c.std()[i]);
        }
        for (double y : c.observedY()) {
            low = Math.min(low, y);
            high = Math.max(high, y);
        }
        double[] yRange = padded(low, high);
        List<String> ticks = new ArrayList<>();
        for (int t = 0; t <= 5; t++) {
            ticks.add(String.format(Locale.ROOT, "%.3g", x0 + t / 5.0 * span));
        }
        List<ChartCanvas.LegendEntry> legend = List.of(new ChartCanvas.LegendEntry("mean", MEAN, true),
                new ChartCanvas.LegendEntry("±2 sd", BAND, false),
                new ChartCanvas.LegendEntry("observed", ChartCanvas.INK, false),
                new ChartCanvas.LegendEntry("next", NEXT, true));
        int legendWidth = ChartCanvas.legendWidth(legend);
        ChartCanvas top = new ChartCanvas("Gaussian process posterior", xLabel, "objective", yRange[0], yRange[1],
                ticks, legendWidth);
        for (int i = 0; i + 1 < n; i++) {
            double a = (c.x()[i] - x0) / span;
            double b = (c.x()[i + 1] - x0) / span;
            top.fill(a, b, clip(c.mean()[i] - 2 * c.std()[i], yRange), clip(c.mean()[i] + 2 * c.std()[i], yRange),
                    BAND);
        }
        for (int i = 0; i + 1 < n; i++) {
            top.line((c.x()[i] - x0) / span, clip(c.mean()[i], yRange), (c.x()[i + 1] - x0) / span,
                    clip(c.mean()[i + 1], yRange), MEAN, false);
        }
        double dot = 0.012 * (yRange[1] - yRange[0]);
        for (int i = 0; i < c.observedX().length; i++) {
            double u = (c.observedX()[i] - x0) / span;
            top.fill(u - 0.005, u + 0.005, c.observedY()[i] - dot, c.observedY()[i] + dot, ChartCanvas.INK);
        }
        double nextU = (c.next() - x0) / span;
        top.line(nextU, yRange[0], nextU, yRange[1], NEXT, true);
        top.legendBeside(legend);

        double aLow = Double.POSITIVE_INFINITY;
        double aHigh = Double.NEGATIVE_INFINITY;
        for (double a : c.acquisition()) {
            aLow = Math.min(aLow, a);
            aHigh = Math.max(aHigh, a);
        }
        double[] aRange = padded(aLow, aHigh);
        List<ChartCanvas.LegendEntry> bottomLegend = List.of(new ChartCanvas.LegendEntry(acquisitionName, ACQUISITION,
                true), new ChartCanvas.LegendEntry("next", NEXT, true));
        ChartCanvas bottom = new ChartCanvas("Acquisition (" + acquisitionName + ")", xLabel, "acquisition", aRange[0],
                aRange[1], ticks, legendWidth);
        for (int i = 0; i + 1 < n; i++) {
            bottom.line((c.x()[i] - x0) / span, c.acquisition()[i], (c.x()[i + 1] - x0) / span, c.acquisition()[i + 1],
                    ACQUISITION, false);
        }
        bottom.line(nextU, aRange[0], nextU, aRange[1], NEXT, true);
        bottom.legendBeside(bottomLegend);
        return stack(top.png(), bottom.png());
    }

    /** The 2-D picture as PNG: mean, standard deviation and acquisition maps side by side. */
    public static byte[] png(PosteriorSurface s, String[] axisLabels, String acquisitionName) {
        int panel = 240;
        int margin = 56;
        int top = 40;
        int width = 3 * (panel + margin) + margin / 2;
        int height = top + panel + 56;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        String[] titles = {"posterior mean", "posterior std", "acquisition (" + acquisitionName + ")"};
        double[][][] maps = {s.mean(), s.std(), s.acquisition()};
        for (int p = 0; p < 3; p++) {
            int left = margin + p * (panel + margin);
            drawMap(g, maps[p], left, top, panel);
            g.setColor(ChartCanvas.INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(titles[p], left, top - 20);
            double[] range = range(maps[p]);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            g.drawString(String.format(Locale.ROOT, "min %.3g, max %.3g", range[0], range[1]), left, top - 6);
            g.drawString(String.format(Locale.ROOT, "%.3g", s.lower()[0]), left, top + panel + 14);
            String right = String.format(Locale.ROOT, "%.3g", s.upper()[0]);
            g.drawString(right, left + panel - g.getFontMetrics().stringWidth(right), top + panel + 14);
            g.drawString(axisLabels[0], left + panel / 2 - g.getFontMetrics().stringWidth(axisLabels[0]) / 2,
                    top + panel + 28);
            String bottomLabel = String.format(Locale.ROOT, "%.3g", s.lower()[1]);
            String topLabel = String.format(Locale.ROOT, "%.3g", s.upper()[1]);
            g.drawString(bottomLabel, left - 4 - g.getFontMetrics().stringWidth(bottomLabel), top + panel);
            g.drawString(topLabel, left - 4 - g.getFontMetrics().stringWidth(topLabel), top + 10);
            g.drawString(axisLabels[1], left - 4 - g.getFontMetrics().stringWidth(axisLabels[1]), top + panel / 2);
            for (double[] point : s.observed()) {
                int px = left + (int) Math.round((point[0] - s.lower()[0]) / (s.upper()[0] - s.lower()[0]) * panel);
                int py = top + panel - (int) Math.round((point[1] - s.lower()[1]) / (s.upper()[1] - s.lower()[1])
                        * panel);
                g.setColor(Color.WHITE);
                g.fillOval(px - 3, py - 3, 7, 7);
                g.setColor(ChartCanvas.INK);
                g.drawOval(px - 3, py - 3, 7, 7);
            }
            int nx = left + (int) Math.round((s.next()[0] - s.lower()[0]) / (s.upper()[0] - s.lower()[0]) * panel);
            int ny = top + panel - (int) Math.round((s.next()[1] - s.lower()[1]) / (s.upper()[1] - s.lower()[1])
                    * panel);
            g.setColor(NEXT);
            g.setStroke(new BasicStroke(2.5f));
            g.drawLine(nx - 6, ny - 6, nx + 6, ny + 6);
            g.drawLine(nx - 6, ny + 6, nx + 6, ny - 6);
            g.setStroke(new BasicStroke(1));
        }
        g.setColor(ChartCanvas.INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("white dots: evaluated points; red cross: next point; colours from dark (low) to yellow (high)",
                margin, height - 8);
        g.dispose();
        return encode(image);
    }

    private static void drawMap(Graphics2D g, double[][] map, int left, int top, int size) {
        double[] range = range(map);
        int rows = map.length;
        int columns = map[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double t = range[1] > range[0] ? (map[r][c] - range[0]) / (range[1] - range[0]) : 0.5;
                g.setColor(viridis(t));
                int x0 = left + c * size / columns;
                int x1 = left + (c + 1) * size / columns;
                int y1 = top + size - r * size / rows;
                int y0 = top + size - (r + 1) * size / rows;
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
        g.setColor(ChartCanvas.INK);
        g.drawRect(left, top, size, size);
    }

    private static Color viridis(double t) {
        double position = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) position, VIRIDIS.length - 2);
        double f = position - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }

    private static double[] range(double[][] map) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] row : map) {
            for (double v : row) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        return new double[] {low, high};
    }

    private static double[] padded(double low, double high) {
        if (!(high > low)) {
            double pad = Math.max(1e-9, Math.abs(low) * 0.1 + 1e-9);
            return new double[] {low - pad, high + pad};
        }
        double pad = 0.05 * (high - low);
        return new double[] {low - pad, high + pad};
    }

    private static double clip(double v, double[] range) {
        return Math.max(range[0], Math.min(range[1], v));
    }

    private static byte[] stack(byte[] first, byte[] second) {
        try {
            BufferedImage a = ImageIO.read(new ByteArrayInputStream(first));
            BufferedImage b = ImageIO.read(new ByteArrayInputStream(second));
            BufferedImage out = new BufferedImage(Math.max(a.getWidth(), b.getWidth()), a.getHeight() + b.getHeight(),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(a, 0, 0, null);
            g.drawImage(b, 0, a.getHeight(), null);
            g.dispose();
            return encode(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
