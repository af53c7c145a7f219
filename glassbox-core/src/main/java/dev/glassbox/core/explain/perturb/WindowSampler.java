package dev.glassbox.core.explain.perturb;

import java.util.SplittableRandom;

/**
 * Where prediction difference analysis takes the values of a removed window from: {@link MarginalWindowSampler} (the
 * window copied from a training image) or {@link PatchGaussian} (a Gaussian conditioned on the window's surround).
 * Implementations are immutable: a draw depends only on its window, its sample index and the random generator handed
 * in, so results do not depend on which thread builds which row.
 */
interface WindowSampler {

    /**
     * Overwrites the elements {@code members} of {@code row} (a copy of {@code input}) with sample {@code sample} of
     * window {@code window}.
     */
    void fill(int window, int[] members, int sample, float[] input, float[] row, SplittableRandom random);

    /** How many samples each window gets. */
    int samplesPerWindow();

    /** Whether the samples enumerate a distribution exactly rather than draw from it. */
    default boolean exact() {
        return false;
    }

    /** {@code marginal} or {@code conditional}, as recorded in an attribution's parameters. */
    String name();
}
