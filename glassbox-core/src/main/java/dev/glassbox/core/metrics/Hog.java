package dev.glassbox.core.metrics;

import dev.glassbox.core.InvalidInputException;

/**
 * Histograms of oriented gradients (Dalal and Triggs 2005) of a 2-D map, and the similarity of two maps as the
 * Pearson correlation of their HOG vectors (as in Adebayo et al. 2018). Gradients by centred differences [−1, 0, 1]
 * (edges replicated); each pixel votes its gradient magnitude into one of {@value #BINS} unsigned orientation bins
 * over [0°, 180°) in its cell; blocks of 2×2 cells, moved one cell at a time, are L2-Hys normalised (L2, clipped at
 * {@value #CLIP}, L2 again). Rows and columns beyond the last whole cell are left out.
 */
public final class Hog {
    /** Orientation bins per cell. */
    public static final int BINS = 9;
    /** The L2-Hys clipping threshold. */
    public static final double CLIP = 0.2;

    private static final double EPSILON = 1e-10;

    private Hog() {
    }

    /**
     * The default cell side for an h×w map: a seventh of its shorter side, at least 2 pixels (4×4 cells on a 28×28
     * map).
     */
    public static int defaultCell(int h, int w) {
        return Math.max(2, Math.min(h, w) / 7);
    }

    /** Pearson's r of the HOG vectors of two h×w maps with the default cell side. */
    public static double similarity(double[] a, double[] b, int h, int w) {
        Correlation.check(a, b);
        int cell = defaultCell(h, w);
        return Correlation.pearson(features(a, h, w, cell), features(b, h, w, cell));
    }

    /**
     * The HOG vector: for each block (row-major), its cells' histograms (row-major) normalised together. Blocks span
     * 2×2 cells where the map has at least two cells in that direction, else one.
     */
    public static double[] features(double[] map, int h, int w, int cell) {
        if (map.length != h * w) {
            throw new InvalidInputException(map.length + " values do not form a " + h + "×" + w + " map");
        }
        Correlation.requireFinite(map);
        int cellsY = h / cell;
        int cellsX = w / cell;
        if (cell < 1 || cellsY < 1 || cellsX < 1) {
            throw new InvalidInputException("a " + h + "×" + w + " map holds no whole " + cell + "×" + cell + " cell");
        }
        double[][][] histograms = histograms(map, h, w, cell, cellsY, cellsX);
        int blockY = Math.min(2, cellsY);
        int blockX = Math.min(2, cellsX);
        int blocksY = cellsY - blockY + 1;
        int blocksX = cellsX - blockX + 1;
        int blockLength = blockY * blockX * BINS;
        double[] out = new double[blocksY * blocksX * blockLength];
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                int at = (by * blocksX + bx) * blockLength;
                int k = at;
                for (int cy = by; cy < by + blockY; cy++) {
                    for (int cx = bx; cx < bx + blockX; cx++) {
                        System.arraycopy(histograms[cy][cx], 0, out, k, BINS);
                        k += BINS;
                    }
                }
                l2Hys(out, at, blockLength);
            }
        }
        return out;
    }

    private static double[][][] histograms(double[] map, int h, int w, int cell, int cellsY, int cellsX) {
        double[][][] out = new double[cellsY][cellsX][BINS];
        for (int y = 0; y < cellsY * cell; y++) {
            for (int x = 0; x < cellsX * cell; x++) {
                double gx = map[y * w + Math.min(w - 1, x + 1)] - map[y * w + Math.max(0, x - 1)];
                double gy = map[Math.min(h - 1, y + 1) * w + x] - map[Math.max(0, y - 1) * w + x];
                double magnitude = Math.hypot(gx, gy);
                if (magnitude == 0) {
                    continue;
                }
                double degrees = Math.toDegrees(Math.atan2(gy, gx));
                degrees = ((degrees % 180) + 180) % 180;
                int bin = Math.min(BINS - 1, (int) (degrees / (180.0 / BINS)));
                out[y / cell][x / cell][bin] += magnitude;
            }
        }
        return out;
    }

    private static void l2Hys(double[] v, int from, int length) {
        normalise(v, from, length);
        for (int i = from; i < from + length; i++) {
            v[i] = Math.min(v[i], CLIP);
        }
        normalise(v, from, length);
    }

    private static void normalise(double[] v, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += v[i] * v[i];
        }
        double norm = Math.sqrt(sum + EPSILON * EPSILON);
        for (int i = from; i < from + length; i++) {
            v[i] /= norm;
        }
    }
}
