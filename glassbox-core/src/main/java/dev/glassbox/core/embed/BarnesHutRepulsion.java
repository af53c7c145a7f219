package dev.glassbox.core.embed;

import java.util.Arrays;

/**
 * t-SNE's repulsive forces by the Barnes–Hut approximation (van der Maaten 2014): a {@link SpaceTree} over the
 * points, rebuilt at each evaluation, summarises far cells by their centre of mass. O(N log N) per evaluation; θ
 * trades accuracy for speed, and θ = 0 is exact.
 */
final class BarnesHutRepulsion implements Repulsion {
    private static final int GRAIN = 256;

    private final int dims;
    private final double theta;
    private final Parallel parallel;

    BarnesHutRepulsion(int dims, double theta, Parallel parallel) {
        this.dims = dims;
        this.theta = theta;
        this.parallel = parallel;
    }

    @Override
    public double forces(double[] y, double[] forces) {
        SpaceTree tree = new SpaceTree(y, dims);
        Arrays.fill(forces, 0);
        return parallel.sum(y.length / dims, GRAIN, (from, to) -> {
            int[] stack = tree.newStack();
            double z = 0;
            for (int i = from; i < to; i++) {
                z += tree.repulsion(i, theta, forces, i * dims, stack);
            }
            return z;
        });
    }
}
