package dev.glassbox.core.embed;

/**
 * The repulsive forces of t-SNE: for every point {@code i}, {@code Σ_{j≠i} w_ij² (y_i - y_j)} with the Student-t
 * kernel {@code w_ij = 1 / (1 + |y_i - y_j|²)}, and the normalisation {@code Z = Σ_{i≠j} w_ij}. Computed exactly or
 * approximated; either way the result must not depend on the thread count.
 */
interface Repulsion {

    /** Writes the unnormalised repulsive forces at the points {@code y} (row-major) into {@code forces}; returns Z. */
    double forces(double[] y, double[] forces);
}
