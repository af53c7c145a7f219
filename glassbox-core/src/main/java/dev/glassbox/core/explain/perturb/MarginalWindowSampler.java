package dev.glassbox.core.explain.perturb;

import java.util.SplittableRandom;

/**
 * Marginal sampling: each sample of a window is the window (every channel) copied from one training image drawn
 * uniformly at random, so the window's pixels follow the training data's distribution at that position, as in the
 * reference implementation of Zintgraf et al. When at least as many samples as training images are asked for, every
 * training image is used once instead: the exact expectation over the training data's marginal.
 */
final class MarginalWindowSampler implements WindowSampler {
    private final float[][] training;
    private final int samples;
    private final boolean enumerate;

    MarginalWindowSampler(float[][] training, int requestedSamples) {
        this.training = training;
        this.enumerate = requestedSamples >= training.length;
        this.samples = enumerate ? training.length : requestedSamples;
    }

    @Override
    public void fill(int window, int[] members, int sample, float[] input, float[] row, SplittableRandom random) {
        float[] source = training[enumerate ? sample : random.nextInt(training.length)];
        for (int e : members) {
            row[e] = source[e];
        }
    }

    @Override
    public int samplesPerWindow() {
        return samples;
    }

    @Override
    public boolean exact() {
        return enumerate;
    }

    @Override
    public String name() {
        return "marginal";
    }
}
