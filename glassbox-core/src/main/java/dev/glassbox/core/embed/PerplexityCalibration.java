package dev.glassbox.core.embed;

/**
 * Turns squared distances to candidate neighbours into Gaussian conditional probabilities
 * {@code p_{j|i} ∝ exp(-β_i d²_ij)}, with each point's precision β_i found by binary search so that the entropy of
 * its distribution is {@code log(perplexity)} (natural logarithm), as in SNE and t-SNE.
 */
final class PerplexityCalibration {
    private static final double TOLERANCE = 1e-5;
    private static final int MAX_STEPS = 200;
    private static final int GRAIN = 256;

    private PerplexityCalibration() {
    }

    /** The conditional probabilities for each row of squared distances (each row sums to 1). */
    static SparseMatrix conditional(SparseMatrix squaredDistances, double perplexity, Parallel parallel) {
        double[] p = new double[squaredDistances.values.length];
        double target = Math.log(perplexity);
        parallel.forEach(squaredDistances.size, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                calibrate(squaredDistances.values, squaredDistances.rowStart[i], squaredDistances.rowStart[i + 1],
                        target, p);
            }
        });
        return squaredDistances.withValues(p);
    }

    /** Binary search on β for one row; writes the row's probabilities into {@code p}. */
    private static void calibrate(double[] d, int from, int to, double targetEntropy, double[] p) {
        double min = Double.POSITIVE_INFINITY;
        for (int e = from; e < to; e++) {
            min = Math.min(min, d[e]);
        }
        double beta = 1;
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_STEPS; step++) {
            double entropy = fill(d, from, to, min, beta, p);
            double error = entropy - targetEntropy;
            if (Math.abs(error) < TOLERANCE) {
                return;
            }
            if (error > 0) {
                low = beta;
                beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
            } else {
                high = beta;
                beta = (beta + low) / 2;
            }
        }
        fill(d, from, to, min, beta, p);
    }

    /**
     * Writes {@code exp(-β (d - min)) / Z} into {@code p} and returns the entropy {@code log Z + β Σ p (d - min)}.
     */
    private static double fill(double[] d, int from, int to, double min, double beta, double[] p) {
        double z = 0;
        for (int e = from; e < to; e++) {
            p[e] = Math.exp(-beta * (d[e] - min));
            z += p[e];
        }
        double weighted = 0;
        for (int e = from; e < to; e++) {
            p[e] /= z;
            weighted += p[e] * (d[e] - min);
        }
        return Math.log(z) + beta * weighted;
    }
}
