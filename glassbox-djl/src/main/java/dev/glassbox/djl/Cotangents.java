package dev.glassbox.djl;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Target;

/** Output weightings for vector–Jacobian products: one-hot rows that select a target class per sample. */
public final class Cotangents {
    private Cotangents() {
    }

    /** One row per sample with a 1 at the index the target resolves to against that sample's scores. */
    public static float[][] oneHot(float[][] scores, Target target) {
        float[][] out = new float[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            out[i] = new float[scores[i].length];
            out[i][target.resolve(scores[i])] = 1f;
        }
        return out;
    }

    /** One row per class index, with a 1 at that index among {@code outputs} values. */
    public static float[][] oneHot(int[] classes, int outputs) {
        float[][] out = new float[classes.length][outputs];
        for (int i = 0; i < classes.length; i++) {
            out[i][classes[i]] = 1f;
        }
        return out;
    }

    /** Checks a cotangent against a batch and an output size. */
    public static void requireShape(float[][] cotangent, int batch, int outputs) {
        if (cotangent.length != batch) {
            throw new InvalidInputException("got " + cotangent.length + " output weightings for " + batch + " samples");
        }
        for (float[] row : cotangent) {
            if (row.length != outputs) {
                throw new InvalidInputException("an output weighting has " + row.length + " values but the model has "
                        + outputs + " outputs");
            }
        }
    }
}
