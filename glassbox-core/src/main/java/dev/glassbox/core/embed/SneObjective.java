package dev.glassbox.core.embed;

/**
 * The cost of the original SNE (Hinton and Roweis 2002): {@code Σ_i KL(P_i || Q_i)} over conditional distributions,
 * with Gaussian {@code q_{j|i} = exp(-|y_i - y_j|²) / Σ_{k≠i} exp(-|y_i - y_k|²)}, and its gradient
 * {@code 2 Σ_j (p_{j|i} - q_{j|i} + p_{i|j} - q_{i|j}) (y_i - y_j)}. Exact: O(N²) per evaluation.
 */
final class SneObjective implements Objective {
    private static final int GRAIN = 32;

    private final SparseMatrix conditional;
    private final SparseMatrix symmetricSum;
    private final int dims;
    private final Parallel parallel;
    private final double[] logNormaliser;

    /** The cost of conditional affinities {@code p_{j|i}} (rows summing to 1) for points of {@code dims} values. */
    SneObjective(SparseMatrix conditional, int dims, Parallel parallel) {
        this.conditional = conditional;
        this.symmetricSum = conditional.plus(conditional.transpose(), 1);
        this.dims = dims;
        this.parallel = parallel;
        this.logNormaliser = new double[conditional.size];
    }

    @Override
    public void gradient(double[] y, double exaggeration, double[] gradient) {
        int n = conditional.size;
        computeLogNormalisers(y);
        parallel.forEach(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                int ii = i * dims;
                for (int k = 0; k < dims; k++) {
                    gradient[ii + k] = 0;
                }
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double d2 = squaredDistance(y, i, j);
                    double q = Math.exp(-d2 - logNormaliser[i]) + Math.exp(-d2 - logNormaliser[j]);
                    for (int k = 0; k < dims; k++) {
                        gradient[ii + k] -= q * (y[ii + k] - y[j * dims + k]);
                    }
                }
                for (int e = symmetricSum.rowStart[i]; e < symmetricSum.rowStart[i + 1]; e++) {
                    int jj = symmetricSum.columns[e] * dims;
                    double pull = exaggeration * symmetricSum.values[e];
                    for (int k = 0; k < dims; k++) {
                        gradient[ii + k] += pull * (y[ii + k] - y[jj + k]);
                    }
                }
                for (int k = 0; k < dims; k++) {
                    gradient[ii + k] *= 2;
                }
            }
        });
    }

    @Override
    public double klDivergence(double[] y) {
        computeLogNormalisers(y);
        return parallel.sum(conditional.size, GRAIN, (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                for (int e = conditional.rowStart[i]; e < conditional.rowStart[i + 1]; e++) {
                    double p = conditional.values[e];
                    if (p > 0) {
                        double logQ = -squaredDistance(y, i, conditional.columns[e]) - logNormaliser[i];
                        sum += p * (Math.log(p) - logQ);
                    }
                }
            }
            return sum;
        });
    }

    /** {@code log Σ_{k≠i} exp(-|y_i - y_k|²)} for every i, computed without underflow. */
    private void computeLogNormalisers(double[] y) {
        int n = conditional.size;
        parallel.forEach(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        nearest = Math.min(nearest, squaredDistance(y, i, j));
                    }
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        sum += Math.exp(nearest - squaredDistance(y, i, j));
                    }
                }
                logNormaliser[i] = Math.log(sum) - nearest;
            }
        });
    }

    private double squaredDistance(double[] y, int i, int j) {
        double d2 = 0;
        for (int k = 0; k < dims; k++) {
            double diff = y[i * dims + k] - y[j * dims + k];
            d2 += diff * diff;
        }
        return d2;
    }
}
