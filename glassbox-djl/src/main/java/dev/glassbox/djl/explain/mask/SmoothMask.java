package dev.glassbox.djl.explain.mask;

/**
 * A smooth height × width mask made from a coarse grid of parameters, one every {@code step} pixels: each pixel is the
 * Gaussian-weighted mean (standard deviation {@code sigma} pixels) of the grid values around it. The map is linear and
 * separable, M = A_y P A_xᵀ with row-normalised weights, so a mask of parameters in [0, 1] lies in [0, 1], and its
 * adjoint {@link #pullBack} carries a gradient with respect to the mask back to the parameters.
 */
final class SmoothMask {
    private final int height;
    private final int width;
    private final double[][] rowWeights;
    private final double[][] colWeights;

    SmoothMask(int height, int width, int step, double sigma) {
        this.height = height;
        this.width = width;
        this.rowWeights = weights(height, MaskSettings.positive(step, "the mask step"),
                MaskSettings.positive(sigma, "the mask's smoothing sigma"));
        this.colWeights = weights(width, step, sigma);
    }

    /** Weights of the grid points (centres {@code k·step + (step − 1)/2}) for each of {@code size} pixels. */
    private static double[][] weights(int size, int step, double sigma) {
        int points = (size + step - 1) / step;
        double[][] out = new double[size][points];
        for (int u = 0; u < size; u++) {
            double total = 0;
            for (int k = 0; k < points; k++) {
                double d = (u - (k * step + (step - 1) / 2.0)) / sigma;
                out[u][k] = Math.exp(-0.5 * d * d);
                total += out[u][k];
            }
            for (int k = 0; k < points; k++) {
                out[u][k] /= total;
            }
        }
        return out;
    }

    /** Grid rows. */
    int gridRows() {
        return rowWeights[0].length;
    }

    /** Grid columns. */
    int gridCols() {
        return colWeights[0].length;
    }

    /** Parameters per mask. */
    int parameterCount() {
        return gridRows() * gridCols();
    }

    /** Pixels per mask. */
    int pixelCount() {
        return height * width;
    }

    /** The mask of {@code params} (grid rows × columns, row-major), as height × width values, row-major. */
    double[] mask(double[] params) {
        int rows = gridRows();
        int cols = gridCols();
        double[] half = new double[rows * width];
        for (int k = 0; k < rows; k++) {
            for (int x = 0; x < width; x++) {
                double acc = 0;
                for (int l = 0; l < cols; l++) {
                    acc += params[k * cols + l] * colWeights[x][l];
                }
                half[k * width + x] = acc;
            }
        }
        double[] out = new double[height * width];
        for (int y = 0; y < height; y++) {
            for (int k = 0; k < rows; k++) {
                double w = rowWeights[y][k];
                for (int x = 0; x < width; x++) {
                    out[y * width + x] += w * half[k * width + x];
                }
            }
        }
        return out;
    }

    /** The gradient with respect to the parameters of a function whose gradient with respect to the mask is given. */
    double[] pullBack(double[] maskGradient) {
        int rows = gridRows();
        int cols = gridCols();
        double[] half = new double[rows * width];
        for (int y = 0; y < height; y++) {
            for (int k = 0; k < rows; k++) {
                double w = rowWeights[y][k];
                for (int x = 0; x < width; x++) {
                    half[k * width + x] += w * maskGradient[y * width + x];
                }
            }
        }
        double[] out = new double[rows * cols];
        for (int k = 0; k < rows; k++) {
            for (int x = 0; x < width; x++) {
                double g = half[k * width + x];
                for (int l = 0; l < cols; l++) {
                    out[k * cols + l] += g * colWeights[x][l];
                }
            }
        }
        return out;
    }
}
