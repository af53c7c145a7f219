package dev.glassbox.core.render;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.model.Shape;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A scatter plot of two-dimensional points (an embedding), coloured by label with a legend, optionally with image
 * thumbnails at a spread-out, seeded sample of points; drawn as PNG or as SVG. Both axes share one scale (distances
 * in an embedding mean something, its axes do not), so no axes are drawn. Points are drawn in a fixed shuffled order
 * so that no class hides the others.
 */
public final class ScatterPlot {
    private static final int MARGIN = 16;
    private static final int TITLE_HEIGHT = 30;
    private static final int LEGEND_TEXT = 12;
    private static final int LEGEND_ROW = 18;
    private static final Color INK = new Color(0x1b1f24);
    private static final Color FRAME = new Color(0xd0d7de);

    private final double[][] points;
    private final int[] labels;
    private final List<String> names;
    private final int[] counts;
    private final String title;
    private final int width;
    private final int height;
    private final float[][] images;
    private final Shape imageShape;
    private final int thumbnails;
    private final int thumbnailSize;
    private final long seed;

    private ScatterPlot(Builder builder) {
        this.points = builder.points;
        this.labels = builder.labels;
        this.names = builder.names;
        this.counts = new int[names == null ? 0 : names.size()];
        if (labels != null) {
            for (int label : labels) {
                counts[label]++;
            }
        }
        this.title = builder.title;
        this.width = builder.width;
        this.height = builder.height;
        this.images = builder.images;
        this.imageShape = builder.imageShape;
        this.thumbnails = builder.thumbnails;
        this.thumbnailSize = builder.thumbnailSize;
        this.seed = builder.seed;
    }

    /**
     * A plot of {@code points}, one row of two finite coordinates per point.
     *
     * @throws InvalidInputException when there are no points, or a row does not hold two finite numbers
     */
    public static Builder of(double[][] points) {
        return new Builder(points);
    }

    /**
     * The colour of class {@code label}: ten hues 36° apart, ordered so that consecutive classes differ by 108°, with
     * saturation and brightness alternating between neighbours; further classes repeat the hues shifted by 18°.
     */
    public static Color colour(int label) {
        int round = label / 10;
        float hue = (float) (((label % 10) * 3 % 10) / 10.0 + (round % 2) * 0.05 + 0.58) % 1f;
        boolean even = (label + round) % 2 == 0;
        return Color.getHSBColor(hue, even ? 0.75f : 0.6f, even ? 0.78f : 0.6f);
    }

    /** The plot as PNG bytes. */
    public byte[] png() {
        PngDrawing drawing = new PngDrawing(width, height);
        draw(drawing);
        return drawing.png();
    }

    /** The plot as an SVG document, with every label escaped. */
    public String svg() {
        SvgDrawing drawing = new SvgDrawing(width, height);
        draw(drawing);
        return drawing.svg();
    }

    private void draw(Drawing drawing) {
        double top = MARGIN;
        if (!title.isEmpty()) {
            drawing.text(MARGIN, MARGIN + 14, title, 15, true, INK);
            top += TITLE_HEIGHT;
        }
        double right = width - MARGIN;
        if (labels != null) {
            right -= legendWidth(drawing) + MARGIN;
            legend(drawing, right + MARGIN, top);
        }
        Rectangle2D.Double area = new Rectangle2D.Double(MARGIN, top, right - MARGIN, height - MARGIN - top);
        drawing.rect(area.x, area.y, area.width, area.height, null, FRAME);
        double inset = images != null && thumbnails > 0 ? thumbnailSize / 2.0 + 2 : 6;
        double[][] pixels = toPixels(area, inset);
        double radius = Math.max(1.2, Math.min(3.5, 3.5 * Math.sqrt(1000.0 / points.length)));
        for (int i : shuffled(points.length, points.length)) {
            drawing.disc(pixels[i][0], pixels[i][1], radius, colourOf(i));
        }
        if (images != null) {
            for (int i : thumbnailPoints(pixels)) {
                double x = pixels[i][0] - thumbnailSize / 2.0;
                double y = pixels[i][1] - thumbnailSize / 2.0;
                drawing.image(x, y, thumbnailSize, thumbnailSize, ImageWriter.toImage(images[i], imageShape));
                drawing.rect(x, y, thumbnailSize, thumbnailSize, null, colourOf(i));
            }
        }
    }

    private Color colourOf(int point) {
        return labels == null ? colour(0) : colour(labels[point]);
    }

    /** Maps the points into {@code area}, keeping {@code inset} pixels free at its edges, one scale for both axes. */
    private double[][] toPixels(Rectangle2D.Double area, double inset) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double usableWidth = Math.max(1, area.width - 2 * inset);
        double usableHeight = Math.max(1, area.height - 2 * inset);
        double spanX = Math.max(maxX - minX, 1e-12);
        double spanY = Math.max(maxY - minY, 1e-12);
        double scale = Math.min(usableWidth / spanX, usableHeight / spanY);
        double offsetX = area.x + inset + (usableWidth - spanX * scale) / 2;
        double offsetY = area.y + inset + (usableHeight - spanY * scale) / 2;
        double[][] out = new double[points.length][2];
        for (int i = 0; i < points.length; i++) {
            out[i][0] = offsetX + (points[i][0] - minX) * scale;
            out[i][1] = offsetY + (maxY - points[i][1]) * scale;
        }
        return out;
    }

    /** Up to {@code thumbnails} points, taken in a seeded random order, whose thumbnails do not overlap. */
    private List<Integer> thumbnailPoints(double[][] pixels) {
        List<Integer> chosen = new ArrayList<>();
        for (int i : shuffled(points.length, seed)) {
            if (chosen.size() >= thumbnails) {
                break;
            }
            boolean free = true;
            for (int j : chosen) {
                if (Math.abs(pixels[i][0] - pixels[j][0]) < thumbnailSize + 2
                        && Math.abs(pixels[i][1] - pixels[j][1]) < thumbnailSize + 2) {
                    free = false;
                    break;
                }
            }
            if (free) {
                chosen.add(i);
            }
        }
        return chosen;
    }

    private double legendWidth(Drawing drawing) {
        double widest = 0;
        for (int c : shownClasses()) {
            widest = Math.max(widest, drawing.textWidth(legendLabel(c), LEGEND_TEXT, false));
        }
        return widest + 22;
    }

    /** The legend: one row per class that has points. */
    private void legend(Drawing drawing, double x, double y) {
        double row = y + 6;
        for (int c : shownClasses()) {
            drawing.disc(x + 6, row + 6, 5, colour(c));
            drawing.text(x + 18, row + 10, legendLabel(c), LEGEND_TEXT, false, INK);
            row += LEGEND_ROW;
        }
    }

    private List<Integer> shownClasses() {
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (counts[c] > 0) {
                shown.add(c);
            }
        }
        return shown;
    }

    private String legendLabel(int label) {
        return names.get(label) + " (" + counts[label] + ")";
    }

    /** The indices {@code 0 .. n-1} in a random order drawn from {@code seed}. */
    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Scatter plot settings. */
    public static final class Builder {
        private final double[][] points;
        private int[] labels;
        private List<String> names;
        private String title = "";
        private int width = 900;
        private int height = 640;
        private float[][] images;
        private Shape imageShape;
        private int thumbnails;
        private int thumbnailSize = 28;
        private long seed;

        private Builder(double[][] points) {
            if (points == null || points.length == 0) {
                throw new InvalidInputException("a scatter plot needs at least one point");
            }
            for (int i = 0; i < points.length; i++) {
                if (points[i] == null || points[i].length != 2 || !Double.isFinite(points[i][0])
                        || !Double.isFinite(points[i][1])) {
                    throw new InvalidInputException("point " + i + " of the scatter plot is not two finite numbers");
                }
            }
            this.points = points.clone();
        }

        /** Colours points by class: {@code labels[i]} indexes {@code names}; the legend lists the classes present. */
        public Builder labels(int[] labels, List<String> names) {
            Objects.requireNonNull(labels, "labels");
            if (labels.length != points.length) {
                throw new InvalidInputException(labels.length + " labels for " + points.length + " points: expected "
                        + "one label per point");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] >= names.size()) {
                    throw new InvalidInputException("point " + i + " has label " + labels[i] + " but there are "
                            + names.size() + " class names");
                }
            }
            this.labels = labels.clone();
            this.names = List.copyOf(names);
            return this;
        }

        /** A title above the plot. */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /** The picture's size in pixels (default 900×640). */
        public Builder size(int width, int height) {
            if (width < 200 || height < 150) {
                throw new InvalidInputException("a scatter plot needs at least 200×150 pixels, was " + width + "×"
                        + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Shows up to {@code count} of the points' images (one row of values of {@code shape} per point: 1×H×W,
         * 3×H×W or H×W in [0, 1]) as thumbnails, at points chosen in a random order drawn from {@code seed}, skipping
         * any that would overlap.
         */
        public Builder thumbnails(float[][] images, Shape shape, int count, long seed) {
            if (images.length != points.length) {
                throw new InvalidInputException(images.length + " images for " + points.length + " points: expected "
                        + "one image per point");
            }
            if (count < 0) {
                throw new InvalidInputException("the thumbnail count cannot be negative, was " + count);
            }
            this.images = images.clone();
            this.imageShape = Objects.requireNonNull(shape, "shape");
            this.thumbnails = count;
            this.seed = seed;
            return this;
        }

        /** The configured plot. */
        public ScatterPlot build() {
            return new ScatterPlot(this);
        }
    }
}
