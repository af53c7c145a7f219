package dev.glassbox.core.embed;

import java.util.Arrays;

/**
 * t-SNE's repulsive forces in two dimensions by polynomial interpolation on a regular grid and FFT convolution, after
 * Linderman et al. (2019, "FIt-SNE"). With the kernel {@code K(y, z) = (1 + |y - z|²)^-2}, four sums over all points
 * give every force and the normalisation: {@code φ_c(y_i) = Σ_j K(y_i, y_j) q_c(y_j)} for the charges
 * {@code q = (1, y_x, y_y, |y|²)}; then {@code F_i = y_i φ_0 - (φ_1, φ_2)} and
 * {@code Σ_j (1 + |y_i - y_j|²)^-1 = (1 + |y_i|²) φ_0 - 2 y_i·(φ_1, φ_2) + φ_3}. The charges are spread onto the grid
 * with cubic Lagrange weights on each point's nearest 4×4 nodes, convolved with the kernel sampled at the node
 * offsets (through the FFT of the zero-padded grid), and interpolated back with the same weights. A point's
 * interaction with itself, which the interpolation does not give exactly, is computed from its weights and removed
 * from Z. The kernel is smooth on a scale of 1, so the node spacing bounds the error however large the embedding: the
 * grid grows (in powers of two) to keep the spacing at most the given one, and a small embedding gets a finer
 * spacing on the smallest grid. O(N + G log G) per evaluation for G grid nodes; the kernel's transform is kept while
 * the grid stays.
 */
final class InterpolatedRepulsion implements Repulsion {
    /** The default largest distance between neighbouring grid nodes. */
    static final double DEFAULT_SPACING = 0.5;
    private static final int MIN_NODES = 64;
    private static final int STENCIL = 4;
    private static final int GRAIN = 1024;

    private final double maxSpacing;
    private final Parallel parallel;
    private Grid grid;

    /** The forces with grid nodes at most {@code maxSpacing} apart. */
    InterpolatedRepulsion(double maxSpacing, Parallel parallel) {
        this.maxSpacing = maxSpacing;
        this.parallel = parallel;
    }

    @Override
    public double forces(double[] y, double[] forces) {
        int n = y.length / 2;
        double lowX = Double.POSITIVE_INFINITY;
        double lowY = Double.POSITIVE_INFINITY;
        double highX = Double.NEGATIVE_INFINITY;
        double highY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lowX = Math.min(lowX, y[2 * i]);
            highX = Math.max(highX, y[2 * i]);
            lowY = Math.min(lowY, y[2 * i + 1]);
            highY = Math.max(highY, y[2 * i + 1]);
        }
        double side = Math.max(highX - lowX, highY - lowY);
        int nodes = MIN_NODES;
        while ((nodes - STENCIL + 1) * maxSpacing < side) {
            nodes *= 2;
        }
        double spacing = nodes == MIN_NODES ? Math.min(maxSpacing, side / (nodes - STENCIL + 1)) : maxSpacing;
        if (grid == null || grid.nodes != nodes || grid.spacing != spacing) {
            grid = new Grid(nodes, spacing, parallel);
        }
        Weights weights = new Weights(y, lowX, lowY, spacing, nodes);
        grid.spread(y, weights);
        grid.convolve(parallel);
        return parallel.sum(n, GRAIN, (from, to) -> {
            double[] phi = new double[4];
            double z = 0;
            for (int i = from; i < to; i++) {
                grid.gather(weights, i, phi);
                double yx = y[2 * i];
                double yy = y[2 * i + 1];
                forces[2 * i] = yx * phi[0] - phi[1];
                forces[2 * i + 1] = yy * phi[0] - phi[2];
                z += (1 + yx * yx + yy * yy) * phi[0] - 2 * (yx * phi[1] + yy * phi[2]) + phi[3]
                        - grid.selfInteraction(weights, i);
            }
            return z;
        });
    }

    /** Each point's first stencil node along x and y, and its Lagrange weights on the stencil's nodes along each. */
    private static final class Weights {
        final int[] baseX;
        final int[] baseY;
        final double[] wx;
        final double[] wy;

        /** Grid node {@code j} sits at {@code low + (j - 1) spacing}. */
        Weights(double[] y, double lowX, double lowY, double spacing, int nodes) {
            int n = y.length / 2;
            baseX = new int[n];
            baseY = new int[n];
            wx = new double[n * STENCIL];
            wy = new double[n * STENCIL];
            for (int i = 0; i < n; i++) {
                baseX[i] = locate((y[2 * i] - lowX) / spacing + 1, nodes, wx, i * STENCIL);
                baseY[i] = locate((y[2 * i + 1] - lowY) / spacing + 1, nodes, wy, i * STENCIL);
            }
        }

        /**
         * The first of the four nodes around grid position {@code t} (two on each side); writes their cubic Lagrange
         * weights from {@code at}.
         */
        private static int locate(double t, int nodes, double[] w, int at) {
            int node = Math.min(Math.max((int) Math.floor(t), 1), nodes - 3);
            double u = t - node;
            w[at] = -u * (u - 1) * (u - 2) / 6;
            w[at + 1] = (u + 1) * (u - 1) * (u - 2) / 2;
            w[at + 2] = -(u + 1) * u * (u - 2) / 2;
            w[at + 3] = (u + 1) * u * (u - 1) / 6;
            return node - 1;
        }

        /** {@code c[d + 3] = Σ_{a - b = d} w_a w_b} over one point's four weights along one axis. */
        static void autocorrelation(double[] w, int at, double[] c) {
            Arrays.fill(c, 0);
            for (int a = 0; a < STENCIL; a++) {
                for (int b = 0; b < STENCIL; b++) {
                    c[a - b + STENCIL - 1] += w[at + a] * w[at + b];
                }
            }
        }
    }

    /**
     * The grid of {@code nodes × nodes} interpolation nodes, zero-padded to twice the size for a linear (not circular)
     * convolution. Two complex planes hold the four real charge grids (charges 0 and 1 as the real and imaginary parts
     * of the first, 2 and 3 of the second); the kernel is real and even, so its transform is real and scales both
     * parts alike. The column transforms run as row transforms of a transposed copy, which keeps memory access in
     * runs.
     */
    private static final class Grid {
        private static final int TILE = 32;

        final int nodes;
        final double spacing;
        final int size;
        final Fft fft;
        final double[][] re = new double[2][];
        final double[][] im = new double[2][];
        final double[] transposedRe;
        final double[] transposedIm;
        final double[] kernel;
        /** The kernel between nodes {@code (dx, dy)} apart, {@code |dx|, |dy| < STENCIL}. */
        final double[] nearKernel;

        Grid(int nodes, double spacing, Parallel parallel) {
            this.nodes = nodes;
            this.spacing = spacing;
            this.size = 2 * nodes;
            this.fft = new Fft(size);
            for (int plane = 0; plane < 2; plane++) {
                re[plane] = new double[size * size];
                im[plane] = new double[size * size];
            }
            transposedRe = new double[size * size];
            transposedIm = new double[size * size];
            kernel = kernelTransform(parallel);
            int width = 2 * STENCIL - 1;
            nearKernel = new double[width * width];
            for (int dy = 0; dy < width; dy++) {
                for (int dx = 0; dx < width; dx++) {
                    nearKernel[dy * width + dx] = kernel((dx - STENCIL + 1) * spacing, (dy - STENCIL + 1) * spacing);
                }
            }
        }

        private static double kernel(double dx, double dy) {
            double w = 1 / (1 + dx * dx + dy * dy);
            return w * w;
        }

        /** Adds each point's four charges to its nodes, point after point (a fixed order). */
        void spread(double[] y, Weights w) {
            for (int plane = 0; plane < 2; plane++) {
                Arrays.fill(re[plane], 0);
                Arrays.fill(im[plane], 0);
            }
            int n = y.length / 2;
            for (int i = 0; i < n; i++) {
                double yx = y[2 * i];
                double yy = y[2 * i + 1];
                double square = yx * yx + yy * yy;
                for (int a = 0; a < STENCIL; a++) {
                    int row = (w.baseY[i] + a) * size + w.baseX[i];
                    double wa = w.wy[i * STENCIL + a];
                    for (int b = 0; b < STENCIL; b++) {
                        double weight = wa * w.wx[i * STENCIL + b];
                        re[0][row + b] += weight;
                        im[0][row + b] += weight * yx;
                        re[1][row + b] += weight * yy;
                        im[1][row + b] += weight * square;
                    }
                }
            }
        }

        /** The sums at point {@code i}'s nodes, weighted, into {@code phi}. */
        void gather(Weights w, int i, double[] phi) {
            Arrays.fill(phi, 0);
            for (int a = 0; a < STENCIL; a++) {
                int row = (w.baseY[i] + a) * size + w.baseX[i];
                double wa = w.wy[i * STENCIL + a];
                for (int b = 0; b < STENCIL; b++) {
                    double weight = wa * w.wx[i * STENCIL + b];
                    phi[0] += weight * re[0][row + b];
                    phi[1] += weight * im[0][row + b];
                    phi[2] += weight * re[1][row + b];
                    phi[3] += weight * im[1][row + b];
                }
            }
        }

        /**
         * What the interpolation counts for point {@code i}'s interaction with itself (exactly 1 without
         * interpolation): {@code Σ_{a,b} w_a w_b K(x_a - x_b)} over its nodes, which depends on the node offsets only.
         */
        double selfInteraction(Weights w, int i) {
            int width = 2 * STENCIL - 1;
            double[] cx = new double[width];
            double[] cy = new double[width];
            Weights.autocorrelation(w.wx, i * STENCIL, cx);
            Weights.autocorrelation(w.wy, i * STENCIL, cy);
            double sum = 0;
            for (int dy = 0; dy < width; dy++) {
                double row = 0;
                for (int dx = 0; dx < width; dx++) {
                    row += nearKernel[dy * width + dx] * cx[dx];
                }
                sum += row * cy[dy];
            }
            return sum;
        }

        /**
         * Replaces the charge grids by their convolution with the kernel: the rows' FFTs, a transpose, the columns'
         * FFTs as rows, the kernel's product, and back. Only the first {@code nodes} rows hold charges and only they
         * are read afterwards, so only they are transformed along the rows and moved by the transposes.
         */
        void convolve(Parallel parallel) {
            double scale = 1.0 / ((double) size * size);
            for (int plane = 0; plane < 2; plane++) {
                double[] r = re[plane];
                double[] m = im[plane];
                transformRows(r, m, nodes, false, parallel);
                transpose(r, m, transposedRe, transposedIm, nodes, parallel);
                transformRows(transposedRe, transposedIm, size, false, parallel);
                parallel.forEach(size, 64, (from, to) -> {
                    for (int e = from * size; e < to * size; e++) {
                        double k = kernel[e] * scale;
                        transposedRe[e] *= k;
                        transposedIm[e] *= k;
                    }
                });
                transformRows(transposedRe, transposedIm, size, true, parallel);
                transposeBack(transposedRe, transposedIm, r, m, nodes, parallel);
                transformRows(r, m, nodes, true, parallel);
            }
        }

        /**
         * The transform of the kernel at every circular node offset (offsets past half the size wrap around to
         * negative ones), in the transposed layout that {@link #convolve} multiplies in; real because the kernel is
         * even.
         */
        private double[] kernelTransform(Parallel parallel) {
            double[] offset = new double[size];
            for (int u = 0; u < size; u++) {
                offset[u] = (u <= nodes ? u : u - size) * spacing;
            }
            double[] r = new double[size * size];
            double[] m = new double[size * size];
            for (int row = 0; row < size; row++) {
                for (int column = 0; column < size; column++) {
                    r[row * size + column] = kernel(offset[column], offset[row]);
                }
            }
            transformRows(r, m, size, false, parallel);
            transpose(r, m, transposedRe, transposedIm, size, parallel);
            transformRows(transposedRe, transposedIm, size, false, parallel);
            return transposedRe.clone();
        }

        /** Transforms the first {@code rows} rows. */
        private void transformRows(double[] r, double[] m, int rows, boolean inverse, Parallel parallel) {
            parallel.forEach(rows, 16, (from, to) -> {
                for (int row = from; row < to; row++) {
                    fft.transform(r, m, row * size, inverse);
                }
            });
        }

        /** {@code to = fromᵀ} for the first {@code rows} rows of {@code from}; the rest of {@code to} is zeroed. */
        private void transpose(double[] fromRe, double[] fromIm, double[] toRe, double[] toIm, int rows,
                Parallel parallel) {
            parallel.forEach(size / TILE, 1, (first, last) -> {
                for (int tileColumn = first * TILE; tileColumn < last * TILE; tileColumn += TILE) {
                    for (int column = tileColumn; column < tileColumn + TILE; column++) {
                        Arrays.fill(toRe, column * size + rows, (column + 1) * size, 0);
                        Arrays.fill(toIm, column * size + rows, (column + 1) * size, 0);
                    }
                    for (int tileRow = 0; tileRow < rows; tileRow += TILE) {
                        copyTile(fromRe, toRe, tileRow, tileColumn);
                        copyTile(fromIm, toIm, tileRow, tileColumn);
                    }
                }
            });
        }

        /** {@code to = fromᵀ} for the first {@code rows} rows of {@code to}. */
        private void transposeBack(double[] fromRe, double[] fromIm, double[] toRe, double[] toIm, int rows,
                Parallel parallel) {
            parallel.forEach(rows / TILE, 1, (first, last) -> {
                for (int tileRow = first * TILE; tileRow < last * TILE; tileRow += TILE) {
                    for (int tileColumn = 0; tileColumn < size; tileColumn += TILE) {
                        copyTile(fromRe, toRe, tileColumn, tileRow);
                        copyTile(fromIm, toIm, tileColumn, tileRow);
                    }
                }
            });
        }

        /** Copies the {@code TILE × TILE} tile at {@code (row, column)} of {@code from} transposed into {@code to}. */
        private void copyTile(double[] from, double[] to, int row, int column) {
            for (int i = row; i < row + TILE; i++) {
                for (int j = column; j < column + TILE; j++) {
                    to[j * size + i] = from[i * size + j];
                }
            }
        }
    }
}
