package dev.glassbox.core.explain;

import dev.glassbox.core.model.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains a model's output for one input, or for each input of a batch. One implementation per method; settings are
 * given when the explainer is built, so an explainer is a reusable, immutable recipe.
 */
public interface Explainer {

    /** The attribution of {@code target} for one flattened input. */
    Attribution explain(float[] input, Target target);

    /** Attributions for each input; methods that can batch across inputs override this. */
    default List<Attribution> explain(float[][] inputs, Target target) {
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (float[] input : inputs) {
            out.add(explain(input, target));
        }
        return out;
    }
}
