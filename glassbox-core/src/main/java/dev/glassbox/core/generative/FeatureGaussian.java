package dev.glassbox.core.generative;

import dev.glassbox.core.InvalidInputException;

/**
 * The mean and the unbiased sample covariance (divided by {@code n − 1}) of feature rows: the Gaussian that the
 * Fréchet distance compares.
 *
 * @param mean the mean of each feature
 * @param covariance the {@code d × d} covariance, row-major
 * @param count how many rows were summarised
 */
public record FeatureGaussian(double[] mean, double[][] covariance, int count) {
    /** Checks that the shapes agree and every value is finite. */
    public FeatureGaussian {
        int d = mean.length;
        if (d == 0 || covariance.length != d) {
            throw new InvalidInputException("a feature Gaussian needs a mean of at least one value and a square "
                    + "covariance of the same size; got " + d + " means and " + covariance.length + " rows");
        }
        for (double[] row : covariance) {
            if (row.length != d) {
                throw new InvalidInputException("the covariance must be " + d + "×" + d + "; a row holds " + row.length);
            }
            requireFinite(row, "covariance");
        }
        requireFinite(mean, "mean");
    }

    /** The mean and covariance of {@code rows} (at least two rows of equal, non-zero width, all finite). */
    public static FeatureGaussian of(float[][] rows) {
        int n = rows.length;
        if (n < 2) {
            throw new InvalidInputException("a covariance needs at least two feature rows; got " + n);
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (float[] row : rows) {
            if (row.length != d) {
                throw new InvalidInputException("feature rows must all have " + d + " values; one has " + row.length);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                double[] out = covariance[a];
                for (int b = a; b < d; b++) {
                    out[b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= n - 1;
                covariance[b][a] = covariance[a][b];
            }
        }
        return new FeatureGaussian(mean, covariance, n);
    }

    /** The number of features. */
    public int dimension() {
        return mean.length;
    }

    private static void requireFinite(double[] values, String what) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("the feature " + what + " holds " + v + "; features must be finite");
            }
        }
    }
}
