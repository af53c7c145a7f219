package dev.glassbox.core.embed;

/** A cost minimised by stochastic neighbour embedding: its gradient and its value, a KL divergence. */
interface Objective {

    /**
     * Writes the gradient of the cost at the points {@code y} (row-major) into {@code gradient}, with the input
     * affinities multiplied by {@code exaggeration}.
     */
    void gradient(double[] y, double exaggeration, double[] gradient);

    /** The KL divergence between the input affinities and those of the points {@code y}. */
    double klDivergence(double[] y);
}
