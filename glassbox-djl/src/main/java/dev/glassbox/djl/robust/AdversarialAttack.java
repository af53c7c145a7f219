package dev.glassbox.djl.robust;

import dev.glassbox.core.math.Vectors;
import dev.glassbox.djl.DifferentiableModel;

/**
 * An attack that perturbs a batch of inputs against given classes: for an {@link AttackGoal#UNTARGETED} attack each
 * sample's class to move away from (its label, or the model's prediction), for a {@link AttackGoal#TARGETED} one
 * the class to reach.
 */
public interface AdversarialAttack {

    /** The adversarial inputs, one row per row of {@code batch}, flattened like it. */
    float[][] perturb(float[][] batch, int[] classes);

    /** The model attacked. */
    DifferentiableModel model();

    /** The classes the model predicts for a batch (the default classes of an untargeted attack). */
    static int[] predicted(DifferentiableModel model, float[][] batch) {
        float[][] scores = model.predict(batch);
        int[] out = new int[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vectors.argmax(scores[i]);
        }
        return out;
    }

    /** Each sample's cross-entropy (or −log p for probability outputs) for its class. */
    static double[] loss(DifferentiableModel model, float[][] batch, int[] classes) {
        return CrossEntropyGradient.losses(model.outputsLogits(), model.predict(batch), classes);
    }
}
