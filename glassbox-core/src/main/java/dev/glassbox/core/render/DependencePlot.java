package dev.glassbox.core.render;

import dev.glassbox.core.InvalidInputException;
import java.awt.Color;

/**
 * A dependence plot (as shap's): one feature's attribution (y) against the feature's value (x), one dot per explained
 * row, showing how the model's use of the feature changes with its value. Drawn as PNG or SVG.
 */
public final class DependencePlot {
    private static final Color INK = new Color(0x1b1f24);
    private static final Color DOT = new Color(0x1f77b4);
    private static final int WIDTH = 520;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 56;

    private final float[] values;
    private final float[] attributions;
    private final String feature;

    /** A plot of {@code attributions[i]} against {@code values[i]} for the feature named {@code feature}. */
    public DependencePlot(String feature, float[] values, float[] attributions) {
        if (values.length == 0 || values.length != attributions.length) {
            throw new InvalidInputException("a dependence plot needs one attribution per value, at least one ("
                    + values.length + " values and " + attributions.length + " attributions given)");
        }
        this.feature = feature;
        this.values = values;
        this.attributions = attributions;
    }

    /** The plot as PNG bytes. */
    public byte[] png() {
        PngDrawing d = new PngDrawing(WIDTH, HEIGHT);
        draw(d);
        return d.png();
    }

    /** The plot as an SVG document. */
    public String svg() {
        SvgDrawing d = new SvgDrawing(WIDTH, HEIGHT);
        draw(d);
        return d.svg();
    }

    private void draw(Drawing d) {
        d.text(12, 24, "Dependence: " + feature, 15, true, INK);
        PlotScale x = new PlotScale(min(values), max(values), LEFT, WIDTH - RIGHT);
        PlotScale y = new PlotScale(Math.min(0, min(attributions)), Math.max(0, max(attributions)), HEIGHT - BOTTOM, TOP);
        x.drawHorizontal(d, HEIGHT - BOTTOM, TOP, feature);
        y.drawVertical(d, LEFT, WIDTH - RIGHT, "attribution of " + feature);
        double radius = Math.max(1.5, Math.min(3, 3 * Math.sqrt(500.0 / values.length)));
        for (int i = 0; i < values.length; i++) {
            d.disc(x.pixel(values[i]), y.pixel(attributions[i]), radius, DOT);
        }
    }

    private static double min(float[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (float v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(float[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
