package dev.glassbox.core.explain.grouping;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * SLIC superpixels (Achanta et al., 2012) with scikit-image's parameters ({@code segments 100, compactness 10,
 * 10 iterations}): cluster centres start on a regular grid of step {@code S ≈ √(pixels / segments)}; each iteration
 * assigns every pixel within {@code 2S} of a centre to the centre nearest in {@code (colour / compactness)² +
 * (position / S)²}, with colour in CIELAB for grey and RGB images, then moves each centre to its pixels' mean. Finally
 * connectivity is enforced: each connected piece becomes a segment, and pieces smaller than half a grid cell join the
 * segment next to them. Deterministic: no random state.
 */
public final class Slic implements Segmenter {
    private final int segments;
    private final double compactness;
    private final int iterations;
    private final boolean lab;

    private Slic(Builder b) {
        this.segments = b.segments;
        this.compactness = b.compactness;
        this.iterations = b.iterations;
        this.lab = b.lab;
    }

    /** A builder with scikit-image's defaults. */
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
        double[][] colour = PixelColours.of(input, dims, lab, 1.0 / compactness);
        int gridStep = Math.max(1, (int) Math.round(Math.sqrt((double) h * w / segments)));
        double[][] centres = gridCentres(colour, h, w, gridStep);
        int[] assigned = cluster(colour, h, w, centres, gridStep);
        double cell = (double) h * w / centres.length;
        return dims.segments(shape, connect(assigned, h, w, (int) (0.5 * cell), (int) (3 * cell)));
    }

    /** Centres {@code [row, col, colour...]} on a grid of the given step, starting half a step in. */
    private static double[][] gridCentres(double[][] colour, int h, int w, int step) {
        int start = step / 2;
        int rows = (h - start + step - 1) / step;
        int cols = (w - start + step - 1) / step;
        double[][] centres = new double[rows * cols][];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int r = start + i * step;
                int c = start + j * step;
                double[] centre = new double[2 + colour[0].length];
                centre[0] = r;
                centre[1] = c;
                System.arraycopy(colour[r * w + c], 0, centre, 2, colour[0].length);
                centres[i * cols + j] = centre;
            }
        }
        return centres;
    }

    /** Local k-means: returns the centre each pixel is assigned to. */
    private int[] cluster(double[][] colour, int h, int w, double[][] centres, int step) {
        int[] assigned = new int[h * w];
        Arrays.fill(assigned, -1);
        double[] best = new double[h * w];
        double spatialWeight = 1.0 / ((double) step * step);
        int channels = colour[0].length;
        for (int iteration = 0; iteration < iterations; iteration++) {
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            boolean changed = false;
            for (int k = 0; k < centres.length; k++) {
                double[] centre = centres[k];
                int r0 = Math.max(0, (int) (centre[0] - 2 * step));
                int r1 = Math.min(h, (int) (centre[0] + 2 * step) + 1);
                int c0 = Math.max(0, (int) (centre[1] - 2 * step));
                int c1 = Math.min(w, (int) (centre[1] + 2 * step) + 1);
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        int p = r * w + c;
                        double dr = r - centre[0];
                        double dc = c - centre[1];
                        double d = (dr * dr + dc * dc) * spatialWeight;
                        for (int ch = 0; ch < channels; ch++) {
                            double diff = colour[p][ch] - centre[2 + ch];
                            d += diff * diff;
                        }
                        if (d < best[p]) {
                            best[p] = d;
                            if (assigned[p] != k) {
                                assigned[p] = k;
                                changed = true;
                            }
                        }
                    }
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[centres.length][2 + channels + 1];
            for (int p = 0; p < assigned.length; p++) {
                double[] sum = sums[assigned[p]];
                sum[0] += p / w;
                sum[1] += p % w;
                for (int ch = 0; ch < channels; ch++) {
                    sum[2 + ch] += colour[p][ch];
                }
                sum[2 + channels]++;
            }
            for (int k = 0; k < centres.length; k++) {
                double n = sums[k][2 + channels];
                if (n > 0) {
                    for (int i = 0; i < 2 + channels; i++) {
                        centres[k][i] = sums[k][i] / n;
                    }
                }
            }
        }
        return assigned;
    }

    /**
     * Relabels connected pieces (4-neighbourhood) in raster order; a piece smaller than {@code minSize} takes the label
     * of a neighbouring piece, and a piece grows to at most {@code maxSize} pixels.
     */
    private static int[] connect(int[] assigned, int h, int w, int minSize, int maxSize) {
        int[] out = new int[assigned.length];
        Arrays.fill(out, -1);
        int[] piece = new int[assigned.length];
        int next = 0;
        int[][] steps = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        for (int seed = 0; seed < assigned.length; seed++) {
            if (out[seed] >= 0) {
                continue;
            }
            int adjacent = -1;
            int size = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(seed);
            out[seed] = next;
            piece[size++] = seed;
            while (!queue.isEmpty() && size < maxSize) {
                int p = queue.poll();
                for (int[] s : steps) {
                    int r = p / w + s[0];
                    int c = p % w + s[1];
                    if (r < 0 || r >= h || c < 0 || c >= w) {
                        continue;
                    }
                    int q = r * w + c;
                    if (out[q] < 0 && assigned[q] == assigned[seed] && size < maxSize) {
                        out[q] = next;
                        piece[size++] = q;
                        queue.add(q);
                    } else if (out[q] >= 0 && out[q] != next) {
                        adjacent = out[q];
                    }
                }
            }
            if (size < minSize && adjacent >= 0) {
                for (int i = 0; i < size; i++) {
                    out[piece[i]] = adjacent;
                }
            } else {
                next++;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "slic(segments=" + segments + ", compactness=" + compactness + ", iterations=" + iterations + ")";
    }

    /** Settings for {@link Slic}. */
    public static final class Builder {
        private int segments = 100;
        private double compactness = 10;
        private int iterations = 10;
        private boolean lab = true;

        private Builder() {
        }

        /** The approximate number of segments (default 100). */
        public Builder segments(int segments) {
            if (segments < 1) {
                throw new InvalidInputException("SLIC needs at least one segment, was " + segments);
            }
            this.segments = segments;
            return this;
        }

        /** Weight of position against colour: larger gives squarer segments (default 10, for CIELAB colour). */
        public Builder compactness(double compactness) {
            if (!(compactness > 0)) {
                throw new InvalidInputException("SLIC compactness must be positive, was " + compactness);
            }
            this.compactness = compactness;
            return this;
        }

        /** The most k-means iterations (default 10). */
        public Builder iterations(int iterations) {
            if (iterations < 1) {
                throw new InvalidInputException("SLIC needs at least one iteration, was " + iterations);
            }
            this.iterations = iterations;
            return this;
        }

        /** Whether grey and RGB images in [0, 1] are compared in CIELAB (default) or in their raw channel values. */
        public Builder lab(boolean lab) {
            this.lab = lab;
            return this;
        }

        public Slic build() {
            return new Slic(this);
        }
    }
}
