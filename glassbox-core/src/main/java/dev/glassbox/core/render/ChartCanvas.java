package dev.glassbox.core.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A fixed-size chart drawn with java.awt (no display needed): a title, a plot area with x in [0, 1] and y in
 * [yMin, yMax], axes with numeric or named ticks and labels, a legend in a chosen corner, and PNG output. Charts draw
 * in data coordinates.
 */
final class ChartCanvas {
    static final int WIDTH = 480;
    static final int HEIGHT = 400;
    static final int LEFT = 64;
    static final int RIGHT = 20;
    static final int TOP = 44;
    static final int BOTTOM = 52;
    static final Color INK = new Color(0x1b1f24);

    private static final Color GRID = new Color(0xeaeef2);
    private static final int TICKS = 5;
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final BufferedImage image;
    private final Graphics2D g;
    private final double yMin;
    private final double yMax;

    /** A legend entry: a colour swatch (or a line when {@code line}) and its label. */
    record LegendEntry(String label, Color color, boolean line) {
    }

    /** A blank chart with its title, axis labels, grid and the y axis running from 0 to {@code yMax}. */
    ChartCanvas(String title, String xLabel, String yLabel, double yMax) {
        this(title, xLabel, yLabel, 0, yMax, null, 0);
    }

    /**
     * A blank chart with the y axis running from {@code yMin} to {@code yMax}; {@code xTicks} labels evenly spaced
     * ticks from x = 0 to x = 1 (slanted when there are many), or {@code null} for ticks at 0, 0.2, …, 1. The picture
     * is {@code legendWidth} pixels wider than {@link #WIDTH}, room for a legend beside the plot.
     */
    ChartCanvas(String title, String xLabel, String yLabel, double yMin, double yMax, List<String> xTicks,
            int legendWidth) {
        this.yMin = yMin;
        this.yMax = yMax;
        this.image = new BufferedImage(WIDTH + legendWidth, HEIGHT, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), HEIGHT);
        g.setColor(INK);
        for (TitleLine line : titleLines(title, image.getWidth(), g)) {
            g.setFont(line.font());
            g.drawString(line.text(), line.x(), line.baseline());
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        centred(xLabel, (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12);
        AffineTransform straight = g.getTransform();
        g.rotate(-Math.PI / 2);
        centred(yLabel, -(TOP + HEIGHT - BOTTOM) / 2, 16);
        g.setTransform(straight);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= TICKS; t++) {
            double value = yMin + t / (double) TICKS * (yMax - yMin);
            g.setColor(GRID);
            g.drawLine(LEFT, y(value), WIDTH - RIGHT, y(value));
            g.setColor(INK);
            String label = String.format(Locale.ROOT, "%." + decimals((yMax - yMin) / TICKS) + "f", value);
            g.drawString(label, LEFT - 6 - g.getFontMetrics().stringWidth(label), y(value) + 4);
        }
        int ticks = xTicks == null ? TICKS + 1 : xTicks.size();
        for (int t = 0; t < ticks; t++) {
            double fraction = ticks == 1 ? 0 : t / (double) (ticks - 1);
            g.setColor(GRID);
            g.drawLine(x(fraction), TOP, x(fraction), HEIGHT - BOTTOM);
            g.setColor(INK);
            if (xTicks == null) {
                centred(String.format(Locale.ROOT, "%.1f", fraction), x(fraction), HEIGHT - BOTTOM + 16);
            } else if (ticks <= 6) {
                centred(xTicks.get(t), x(fraction), HEIGHT - BOTTOM + 16);
            } else {
                slanted(xTicks.get(t), x(fraction), HEIGHT - BOTTOM + 8);
            }
        }
    }

    /** The pixel column of {@code value} in [0, 1]. */
    int x(double value) {
        return LEFT + (int) Math.round(value * (WIDTH - LEFT - RIGHT));
    }

    /** The pixel row of {@code value} in [yMin, yMax]. */
    int y(double value) {
        return HEIGHT - BOTTOM - (int) Math.round((value - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM));
    }

    /** Fills the rectangle {@code [x0, x1] × [y0, y1]}, at least two pixels wide so that narrow bins stay visible. */
    void fill(double x0, double x1, double y0, double y1, Color color) {
        int left = x(x0);
        int top = y(Math.max(y0, y1));
        g.setColor(color);
        g.fillRect(left, top, Math.max(x(x1) - left, 2), y(Math.min(y0, y1)) - top);
    }

    /** Outlines the rectangle {@code [x0, x1] × [y0, y1]} with a one-pixel line. */
    void outline(double x0, double x1, double y0, double y1, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1));
        g.drawRect(x(x0), y(y1), Math.max(x(x1) - x(x0), 2), y(y0) - y(y1));
    }

    /** A straight line between two data points, solid or dashed. */
    void line(double x0, double y0, double x1, double y1, Color color, boolean dashed) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(color);
        g.setStroke(dashed
                ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                : new BasicStroke(2));
        g.drawLine(x(x0), y(y0), x(x1), y(y1));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    }

    /** A legend on a white box in the plot's top-left corner. */
    void legend(List<LegendEntry> entries) {
        drawLegend(entries, LEFT + 2, TOP + 1);
    }

    /** A legend to the right of the plot, in the room {@link #legendWidth} asked for. */
    void legendBeside(List<LegendEntry> entries) {
        drawLegend(entries, WIDTH - RIGHT + 10, TOP + 1);
    }

    /** The extra width a legend beside the plot needs. */
    static int legendWidth(List<LegendEntry> entries) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics metrics = scratch.getFontMetrics(LEGEND_FONT);
        int width = entries.stream().mapToInt(e -> metrics.stringWidth(e.label())).max().orElse(0) + 34;
        scratch.dispose();
        return width + 20;
    }

    private void drawLegend(List<LegendEntry> entries, int left, int boxTop) {
        g.setFont(LEGEND_FONT);
        int width = entries.stream().mapToInt(e -> g.getFontMetrics().stringWidth(e.label())).max().orElse(0) + 34;
        int height = 17 * entries.size() + 10;
        g.setColor(Color.WHITE);
        g.fillRect(left, boxTop, width, height);
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1));
        g.drawRect(left, boxTop, width, height);
        int top = boxTop + 7;
        for (LegendEntry entry : entries) {
            g.setColor(entry.color());
            if (entry.line()) {
                g.fillRect(left + 6, top + 5, 14, 2);
            } else {
                g.fillRect(left + 6, top, 14, 12);
            }
            g.setColor(INK);
            g.drawString(entry.label(), left + 26, top + 10);
            top += 17;
        }
    }

    /** The fewest decimals (at most 3) that write multiples of {@code step} exactly. */
    static int decimals(double step) {
        for (int d = 0; d < 3; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-9) {
                return d;
            }
        }
        return 3;
    }

    /** Draws the axes over everything else and encodes the chart as PNG. */
    byte[] png() {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Text slanted upwards to the left, ending just below {@code (x, y)}. */
    private void slanted(String text, int x, int y) {
        AffineTransform straight = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 4);
        g.drawString(text, -g.getFontMetrics().stringWidth(text), g.getFontMetrics().getAscent() / 2);
        g.setTransform(straight);
    }

    /** One line of a title: its text, font, left edge, width and baseline, in pixels. */
    record TitleLine(String text, Font font, int x, int width, int baseline) {
    }

    /** The sizes a title may shrink to before it is split over two lines. */
    private static final int[] TITLE_SIZES = {14, 13, 12, 11};
    /** The margin a title keeps from the picture's edges. */
    static final int TITLE_MARGIN = 6;

    /**
     * How a title fits a picture {@code width} pixels wide: on one line centred over the plot, at 14 px bold or as
     * small as 11 px, shifted to stay inside the picture; else over two lines split at the last space (or dash) that
     * lets the first line fit; a piece still too long ends in "…". No line leaves the picture.
     */
    static List<TitleLine> titleLines(String title, int width, Graphics2D g) {
        int room = width - 2 * TITLE_MARGIN;
        int centre = (LEFT + WIDTH - RIGHT) / 2;
        for (int size : TITLE_SIZES) {
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
            int w = g.getFontMetrics(font).stringWidth(title);
            if (w <= room) {
                return List.of(placed(title, font, w, centre, width, 24));
            }
        }
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        FontMetrics metrics = g.getFontMetrics(font);
        int split = -1;
        for (int i = title.length() - 1; i > 0; i--) {
            if ((title.charAt(i) == ' ' || title.charAt(i) == '\u2014') && metrics.stringWidth(title.substring(0, i).strip()) <= room) {
                split = i;
                break;
            }
        }
        String first = split < 0 ? fitted(title, metrics, room) : title.substring(0, split).strip();
        String rest = split < 0 ? "" : fitted(title.substring(split).strip(), metrics, room);
        if (rest.isEmpty()) {
            return List.of(placed(first, font, metrics.stringWidth(first), centre, width, 24));
        }
        return List.of(placed(first, font, metrics.stringWidth(first), centre, width, 17),
                placed(rest, font, metrics.stringWidth(rest), centre, width, 33));
    }

    private static TitleLine placed(String text, Font font, int w, int centre, int width, int baseline) {
        int x = Math.max(TITLE_MARGIN, Math.min(centre - w / 2, width - TITLE_MARGIN - w));
        return new TitleLine(text, font, x, w, baseline);
    }

    /** {@code text}, cut and ended with "…" when wider than {@code room}. */
    private static String fitted(String text, FontMetrics metrics, int room) {
        if (metrics.stringWidth(text) <= room) {
            return text;
        }
        int end = text.length();
        while (end > 0 && metrics.stringWidth(text.substring(0, end) + "\u2026") > room) {
            end--;
        }
        return text.substring(0, end).strip() + "\u2026";
    }

    private void centred(String text, int x, int y) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, x - metrics.stringWidth(text) / 2, y);
    }
}
