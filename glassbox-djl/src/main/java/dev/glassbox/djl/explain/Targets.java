package dev.glassbox.djl.explain;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;

/** Resolves a target against each clean input once, so that every pass of a method explains the same class. */
final class Targets {
    private Targets() {
    }

    /** The output index the target names for each input. */
    static int[] resolve(Model model, float[][] inputs, Target target) {
        float[][] scores = model.predict(inputs);
        int[] out = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            out[i] = target.resolve(scores[i]);
        }
        return out;
    }
}
