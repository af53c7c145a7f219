package dev.glassbox.djl.robust;

import dev.glassbox.core.math.Vectors;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.Gradients;

/**
 * The input gradient of each sample's cross-entropy loss for a given class, with the scores, from one forward and
 * one backward pass. For logits z, ∂CE(softmax(z), y)/∂z = softmax(z) − onehot(y), taken from the scores of the
 * same pass and pulled back through the model as the output cotangent. For a model that outputs probabilities p,
 * the loss is −log p_y (Captum's default) and the cotangent −onehot(y)/p_y.
 */
final class CrossEntropyGradient {
    private CrossEntropyGradient() {
    }

    static Gradients of(DifferentiableModel model, float[][] batch, int[] classes) {
        boolean logits = model.outputsLogits();
        return model.gradients(batch, (row, scores) -> {
            int y = classes[row];
            if (y < 0 || y >= scores.length) {
                throw new IllegalArgumentException("class " + y + " is out of range for a model with " + scores.length
                        + " outputs");
            }
            float[] cotangent = new float[scores.length];
            if (logits) {
                double[] p = Vectors.softmax(scores);
                for (int k = 0; k < scores.length; k++) {
                    cotangent[k] = (float) p[k];
                }
                cotangent[y] -= 1f;
            } else {
                cotangent[y] = -1f / Math.max(scores[y], Float.MIN_NORMAL);
            }
            return cotangent;
        });
    }

    /** The cross-entropy (or −log p) of each row's class, from its scores. */
    static double[] losses(boolean logits, float[][] scores, int[] classes) {
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = logits ? -Math.log(Vectors.softmax(scores[i])[classes[i]]) : -Math.log(scores[i][classes[i]]);
        }
        return out;
    }
}
