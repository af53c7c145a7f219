package dev.glassbox.djl;

import dev.glassbox.core.model.Target;

/**
 * How to weight a sample's outputs in a vector–Jacobian product, chosen from the scores of the same forward pass:
 * a one-hot row for an explained class (resolved against those scores, so "the predicted class" costs no extra
 * pass), or a fixed row given in advance.
 */
@FunctionalInterface
public interface OutputWeighting {

    /** The weights for the sample at {@code row} of the batch, given its scores. */
    float[] weights(int row, float[] scores);

    /** Fixed weights, one row per sample. */
    static OutputWeighting fixed(float[][] cotangent) {
        return (row, scores) -> cotangent[row];
    }

    /** A one-hot row at the index the target resolves to against the sample's scores. */
    static OutputWeighting target(Target target) {
        return (row, scores) -> oneHot(scores.length, target.resolve(scores));
    }

    /** A one-hot row at a class given in advance for each sample ({@code classes[row]}). */
    static OutputWeighting classes(int[] classes) {
        return (row, scores) -> oneHot(scores.length, classes[row]);
    }

    private static float[] oneHot(int outputs, int index) {
        float[] out = new float[outputs];
        out[index] = 1f;
        return out;
    }
}
