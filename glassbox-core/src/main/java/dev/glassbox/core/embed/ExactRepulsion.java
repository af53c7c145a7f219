package dev.glassbox.core.embed;

/** t-SNE's repulsive forces summed over all pairs: O(N²) per evaluation, exact. */
final class ExactRepulsion implements Repulsion {
    private static final int GRAIN = 32;

    private final int dims;
    private final Parallel parallel;

    ExactRepulsion(int dims, Parallel parallel) {
        this.dims = dims;
        this.parallel = parallel;
    }

    @Override
    public double forces(double[] y, double[] forces) {
        int n = y.length / dims;
        return parallel.sum(n, GRAIN, (from, to) -> {
            double z = 0;
            for (int i = from; i < to; i++) {
                int ii = i * dims;
                for (int k = 0; k < dims; k++) {
                    forces[ii + k] = 0;
                }
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    int jj = j * dims;
                    double d2 = 0;
                    for (int k = 0; k < dims; k++) {
                        double diff = y[ii + k] - y[jj + k];
                        d2 += diff * diff;
                    }
                    double w = 1 / (1 + d2);
                    z += w;
                    double w2 = w * w;
                    for (int k = 0; k < dims; k++) {
                        forces[ii + k] += w2 * (y[ii + k] - y[jj + k]);
                    }
                }
            }
            return z;
        });
    }
}
