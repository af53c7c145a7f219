package dev.glassbox.djl.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * WGAN's crude Lipschitz constraint (Arjovsky et al. 2017): after every critic step each weight is clipped to
 * {@code [−c, c]}, in place. Call it with gradient recording off.
 */
public final class WeightClipping {
    private WeightClipping() {
    }

    /** Clips every parameter of {@code block} to {@code [−bound, bound]}. */
    public static void clip(Block block, float bound) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray weight = p.getValue().getArray();
            // the scope also closes the engine's own temporaries (clip's bounds become arrays of the weight's manager)
            try (NDScope scope = new NDScope()) {
                weight.subi(weight.sub(weight.clip(-bound, bound)));
            }
        }
    }
}
