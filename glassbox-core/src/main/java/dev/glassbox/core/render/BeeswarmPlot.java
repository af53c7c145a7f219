package dev.glassbox.core.render;

import dev.glassbox.core.InvalidInputException;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;

/**
 * A beeswarm summary of many attributions (as shap's summary plot): one row per feature, in the order given (the most
 * important, by mean |attribution|, at the top); each explained row is a dot at its attribution, dots piled up where they crowd, coloured
 * from blue (the feature's low values) to red (high), the colour scale running between the feature's 5th and 95th
 * percentiles so that outliers do not wash it out. Drawn as PNG or SVG.
 */
public final class BeeswarmPlot {
    private static final Color INK = new Color(0x1b1f24);
    private static final Color LOW = new Color(0x008bfb);
    private static final Color HIGH = new Color(0xff0051);
    private static final int ROW = 30;
    private static final int LABEL = 200;
    private static final int PLOT = 460;
    private static final int LEGEND = 70;
    private static final int TOP = 44;
    private static final int BOTTOM = 56;
    private static final double RADIUS = 2.2;

    private final List<String> names;
    private final float[][] attributions;
    private final float[][] values;
    private final int[] order;
    private final String title;

    /**
     * A plot of {@code attributions[i][j]} (row i, feature j) coloured by {@code values[i][j]}, showing the features
     * {@code shown} from top to bottom (the most important first).
     */
    public BeeswarmPlot(List<String> names, float[][] attributions, float[][] values, int[] shown, String title) {
        if (attributions.length == 0 || attributions.length != values.length) {
            throw new InvalidInputException("a beeswarm needs at least one row, and one row of feature values per row "
                    + "of attributions (" + attributions.length + " and " + values.length + " given)");
        }
        for (int i = 0; i < attributions.length; i++) {
            if (attributions[i].length != names.size() || values[i].length != names.size()) {
                throw new InvalidInputException("row " + i + " of the beeswarm does not hold " + names.size() + " values");
            }
        }
        this.names = List.copyOf(names);
        this.attributions = attributions;
        this.values = values;
        for (int j : shown) {
            if (j < 0 || j >= names.size()) {
                throw new InvalidInputException("feature " + j + " does not exist: there are " + names.size());
            }
        }
        this.order = shown.clone();
        this.title = title;
    }

    /** The plot as PNG bytes. */
    public byte[] png() {
        PngDrawing d = new PngDrawing(width(), height());
        draw(d);
        return d.png();
    }

    /** The plot as an SVG document. */
    public String svg() {
        SvgDrawing d = new SvgDrawing(width(), height());
        draw(d);
        return d.svg();
    }

    private int width() {
        return LABEL + PLOT + LEGEND + 20;
    }

    private int height() {
        return TOP + ROW * order.length + BOTTOM;
    }

    private void draw(Drawing d) {
        d.text(12, 26, title, 15, true, INK);
        double min = 0;
        double max = 0;
        for (float[] row : attributions) {
            for (int j : order) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
        }
        PlotScale x = new PlotScale(min, max, LABEL, LABEL + PLOT);
        double bottom = TOP + ROW * order.length;
        x.drawHorizontal(d, bottom, TOP, "attribution (impact on the model's output)");
        d.rect(x.pixel(0), TOP, 1, bottom - TOP, new Color(0x8c959f), null);
        for (int r = 0; r < order.length; r++) {
            int j = order[r];
            double centre = TOP + ROW * r + ROW / 2.0;
            String label = names.get(j);
            d.text(LABEL - 8 - d.textWidth(label, 12, false), centre + 4, label, 12, false, INK);
            swarm(d, x, j, centre);
        }
        legend(d, LABEL + PLOT + 24, TOP, bottom);
    }

    /** The dots of feature {@code j}: sorted by attribution, piled alternately above and below the row's centre. */
    private void swarm(Drawing d, PlotScale x, int j, double centre) {
        int n = attributions.length;
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) {
            byValue[i] = i;
        }
        Arrays.sort(byValue, (a, b) -> Float.compare(attributions[a][j], attributions[b][j]));
        float[] column = new float[n];
        for (int i = 0; i < n; i++) {
            column[i] = values[i][j];
        }
        float[] sorted = column.clone();
        Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(0.05 * (n - 1))];
        double hi = sorted[(int) Math.ceil(0.95 * (n - 1))];
        double binWidth = 2 * RADIUS;
        int lastBin = Integer.MIN_VALUE;
        int inBin = 0;
        double maxOffset = ROW / 2.0 - RADIUS;
        for (int i : byValue) {
            double px = x.pixel(attributions[i][j]);
            int bin = (int) Math.floor(px / binWidth);
            inBin = bin == lastBin ? inBin + 1 : 0;
            lastBin = bin;
            double offset = ((inBin + 1) / 2) * RADIUS * 1.2 * (inBin % 2 == 0 ? 1 : -1);
            offset = Math.max(-maxOffset, Math.min(maxOffset, offset));
            double t = hi > lo ? Math.max(0, Math.min(1, (values[i][j] - lo) / (hi - lo))) : 0.5;
            d.disc(px, centre + offset, RADIUS, blend(t));
        }
    }

    /** The colour of a value at {@code t} in [0, 1] between the feature's low and high values. */
    public static Color blend(double t) {
        return new Color((int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
    }

    private void legend(Drawing d, double x, double top, double bottom) {
        int steps = 40;
        double h = (bottom - top - 30) / steps;
        for (int s = 0; s < steps; s++) {
            d.rect(x, top + 15 + s * h, 10, h + 0.5, blend(1 - (double) s / (steps - 1)), null);
        }
        d.text(x + 14, top + 24, "high", 11, false, INK);
        d.text(x + 14, bottom - 16, "low", 11, false, INK);
        d.text(x - 10, top + 8, "feature value", 11, false, INK);
    }
}
