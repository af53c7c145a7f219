package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;

/**
 * Principal components fitted to data: the mean, the unit directions of largest variance (largest first, each with
 * its largest-magnitude entry positive) and the variance along each.
 *
 * @param mean the mean row of the data
 * @param components one unit-length direction per row
 * @param explainedVariance the variance of the data along each component (sample variance, divided by N - 1)
 * @param totalVariance the sum of the variances of all columns of the data
 */
public record PrincipalComponents(double[] mean, double[][] components, double[] explainedVariance,
        double totalVariance) {

    public PrincipalComponents {
        if (components.length != explainedVariance.length) {
            throw new IllegalArgumentException(components.length + " components but " + explainedVariance.length
                    + " variances");
        }
        mean = mean.clone();
        components = copy(components);
        explainedVariance = explainedVariance.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[][] components() {
        return copy(components);
    }

    @Override
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** The share of the total variance along each component (0 for data without variance). */
    public double[] explainedVarianceRatio() {
        double[] ratio = new double[explainedVariance.length];
        for (int c = 0; c < ratio.length; c++) {
            ratio[c] = totalVariance > 0 ? explainedVariance[c] / totalVariance : 0;
        }
        return ratio;
    }

    /** The coordinates of each row of {@code data} along the components. */
    public double[][] project(float[][] data) {
        double[][] out = new double[data.length][components.length];
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != mean.length) {
                throw new InvalidInputException("row " + i + " has " + data[i].length + " values but the components "
                        + "were fitted to rows of " + mean.length);
            }
            for (int c = 0; c < components.length; c++) {
                double sum = 0;
                for (int j = 0; j < mean.length; j++) {
                    sum += (data[i][j] - mean[j]) * components[c][j];
                }
                out[i][c] = sum;
            }
        }
        return out;
    }

    /** {@link #project} rounded to floats, to feed another embedding (PCA to 50 dimensions before t-SNE). */
    public float[][] projectToFloat(float[][] data) {
        double[][] projected = project(data);
        float[][] out = new float[projected.length][components.length];
        for (int i = 0; i < projected.length; i++) {
            for (int c = 0; c < components.length; c++) {
                out[i][c] = (float) projected[i][c];
            }
        }
        return out;
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
