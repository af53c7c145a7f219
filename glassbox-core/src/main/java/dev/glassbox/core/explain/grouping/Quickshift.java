package dev.glassbox.core.explain.grouping;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.SplittableRandom;

/**
 * Quickshift superpixels (Vedaldi and Soatto, 2008), the segmenter LIME uses for images, with scikit-image's parameters
 * and LIME's defaults ({@code kernelSize 4, maxDist 200, ratio 0.2}). Each pixel's density is a Gaussian-weighted count
 * of pixels near it in position and (scaled CIELAB) colour; each pixel links to the nearest pixel of higher density
 * within {@code 3·kernelSize}, unless that is farther than {@code maxDist}; the trees of links are the segments. A tiny
 * seeded noise breaks ties in density, so the same seed gives the same segments.
 */
public final class Quickshift implements Segmenter {
    private final double kernelSize;
    private final double maxDist;
    private final double ratio;
    private final boolean lab;
    private final long seed;

    private Quickshift(Builder b) {
        this.kernelSize = b.kernelSize;
        this.maxDist = b.maxDist;
        this.ratio = b.ratio;
        this.lab = b.lab;
        this.seed = b.seed;
    }

    /** A builder with LIME's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public LabelGrouping segment(float[] input, Shape shape) {
        ImageDims dims = ImageDims.of(shape);
        if (input.length != shape.size()) {
            throw new InvalidInputException("the image has " + input.length + " values for shape " + shape);
        }
        int h = dims.height();
        int w = dims.width();
        double[][] colour = PixelColours.of(input, dims, lab, ratio);
        int reach = (int) Math.ceil(3 * kernelSize);
        double inverseKernel = -0.5 / (kernelSize * kernelSize);

        double[] density = new double[h * w];
        SplittableRandom random = new SplittableRandom(seed);
        for (int p = 0; p < density.length; p++) {
            density[p] = 1e-5 * random.nextGaussian();
        }
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int p = r * w + c;
                for (int rr = Math.max(0, r - reach); rr < Math.min(h, r + reach + 1); rr++) {
                    for (int cc = Math.max(0, c - reach); cc < Math.min(w, c + reach + 1); cc++) {
                        density[p] += Math.exp(distance(colour, w, r, c, rr, cc) * inverseKernel);
                    }
                }
            }
        }

        int[] parent = new int[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int p = r * w + c;
                parent[p] = p;
                double closest = Double.POSITIVE_INFINITY;
                for (int rr = Math.max(0, r - reach); rr < Math.min(h, r + reach + 1); rr++) {
                    for (int cc = Math.max(0, c - reach); cc < Math.min(w, c + reach + 1); cc++) {
                        int q = rr * w + cc;
                        if (density[q] > density[p]) {
                            double d = distance(colour, w, r, c, rr, cc);
                            if (d < closest) {
                                closest = d;
                                parent[p] = q;
                            }
                        }
                    }
                }
                if (Math.sqrt(closest) > maxDist) {
                    parent[p] = p;
                }
            }
        }
        for (int p = 0; p < parent.length; p++) {
            int root = p;
            while (parent[root] != root) {
                root = parent[root];
            }
            parent[p] = root;
        }
        return dims.segments(shape, parent);
    }

    /** Squared distance in colour and position between pixels {@code (r, c)} and {@code (rr, cc)}. */
    private static double distance(double[][] colour, int width, int r, int c, int rr, int cc) {
        double dr = r - rr;
        double dc = c - cc;
        return PixelColours.distanceSquared(colour[r * width + c], colour[rr * width + cc]) + dr * dr + dc * dc;
    }

    @Override
    public String toString() {
        return "quickshift(kernelSize=" + kernelSize + ", maxDist=" + maxDist + ", ratio=" + ratio + ", seed=" + seed + ")";
    }

    /** Settings for {@link Quickshift}. */
    public static final class Builder {
        private double kernelSize = 4;
        private double maxDist = 200;
        private double ratio = 0.2;
        private boolean lab = true;
        private long seed;

        private Builder() {
        }

        /** The width of the Gaussian density kernel, in pixels (default 4). */
        public Builder kernelSize(double kernelSize) {
            if (!(kernelSize >= 1)) {
                throw new InvalidInputException("quickshift kernel size must be at least 1, was " + kernelSize);
            }
            this.kernelSize = kernelSize;
            return this;
        }

        /** Links longer than this (in scaled colour and pixel units) are cut (default 200). */
        public Builder maxDist(double maxDist) {
            if (!(maxDist > 0)) {
                throw new InvalidInputException("quickshift max distance must be positive, was " + maxDist);
            }
            this.maxDist = maxDist;
            return this;
        }

        /** The weight of colour against position, in (0, 1] (default 0.2). */
        public Builder ratio(double ratio) {
            if (!(ratio > 0 && ratio <= 1)) {
                throw new InvalidInputException("quickshift ratio must be in (0, 1], was " + ratio);
            }
            this.ratio = ratio;
            return this;
        }

        /** Whether grey and RGB images in [0, 1] are compared in CIELAB (default) or in their raw channel values. */
        public Builder lab(boolean lab) {
            this.lab = lab;
            return this;
        }

        /** The seed of the noise that breaks ties in density. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Quickshift build() {
            return new Quickshift(this);
        }
    }
}
