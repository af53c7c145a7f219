package dev.glassbox.core.embed;

/**
 * The t-SNE cost {@code KL(P || Q) = Σ p_ij log(p_ij / q_ij)} with {@code q_ij = w_ij / Z} and the Student-t kernel
 * {@code w_ij = 1 / (1 + |y_i - y_j|²)}, and its gradient
 * {@code 4 Σ_j (p_ij - q_ij) w_ij (y_i - y_j)}: the attraction over the sparse joint affinities P, and the
 * repulsion from a {@link Repulsion} (exact, Barnes–Hut or interpolated).
 */
final class TsneObjective implements Objective {
    private static final int GRAIN = 256;

    private final SparseMatrix p;
    private final int dims;
    private final Repulsion repulsion;
    private final Parallel parallel;
    private final double[] repulsive;

    /** The cost of joint affinities {@code p} (summing to 1) for points of {@code dims} coordinates. */
    TsneObjective(SparseMatrix p, int dims, Repulsion repulsion, Parallel parallel) {
        this.p = p;
        this.dims = dims;
        this.repulsion = repulsion;
        this.parallel = parallel;
        this.repulsive = new double[p.size * dims];
    }

    @Override
    public void gradient(double[] y, double exaggeration, double[] gradient) {
        double z = repulsion.forces(y, repulsive);
        parallel.forEach(p.size, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                // Up to three coordinates in locals: unused ones stay 0 and add nothing.
                int ii = i * dims;
                double y0 = y[ii];
                double y1 = dims > 1 ? y[ii + 1] : 0;
                double y2 = dims > 2 ? y[ii + 2] : 0;
                double pull0 = 0;
                double pull1 = 0;
                double pull2 = 0;
                for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                    int jj = p.columns[e] * dims;
                    double d0 = y0 - y[jj];
                    double d1 = dims > 1 ? y1 - y[jj + 1] : 0;
                    double d2 = dims > 2 ? y2 - y[jj + 2] : 0;
                    double w = p.values[e] / (1 + d0 * d0 + d1 * d1 + d2 * d2);
                    pull0 += w * d0;
                    pull1 += w * d1;
                    pull2 += w * d2;
                }
                double[] pull = {pull0, pull1, pull2};
                for (int k = 0; k < dims; k++) {
                    gradient[ii + k] = 4 * (exaggeration * pull[k] - repulsive[ii + k] / z);
                }
            }
        });
    }

    @Override
    public double klDivergence(double[] y) {
        double logZ = Math.log(repulsion.forces(y, repulsive));
        return parallel.sum(p.size, GRAIN, (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                int ii = i * dims;
                for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                    double pij = p.values[e];
                    if (pij <= 0) {
                        continue;
                    }
                    int jj = p.columns[e] * dims;
                    double d2 = 0;
                    for (int k = 0; k < dims; k++) {
                        double diff = y[ii + k] - y[jj + k];
                        d2 += diff * diff;
                    }
                    // log(p / q) = log p - log w + log Z, with log w = -log(1 + d²)
                    sum += pij * (Math.log(pij) + Math.log1p(d2) + logZ);
                }
            }
            return sum;
        });
    }
}
