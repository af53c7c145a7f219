package dev.glassbox.core.explain;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * Attributions of a fixed class per input, {@code targets[i]} for input i (for example the classes a model
     * predicted before it was changed). Inputs of the same class are explained together, so batched methods batch.
     */
    default List<Attribution> explain(float[][] inputs, int[] targets) {
        if (inputs.length != targets.length) {
            throw new InvalidInputException(inputs.length + " inputs but " + targets.length + " targets");
        }
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < targets.length; i++) {
            byClass.computeIfAbsent(targets[i], k -> new ArrayList<>()).add(i);
        }
        Attribution[] out = new Attribution[inputs.length];
        byClass.forEach((target, members) -> {
            float[][] rows = members.stream().map(i -> inputs[i]).toArray(float[][]::new);
            List<Attribution> maps = explain(rows, Target.index(target));
            for (int j = 0; j < rows.length; j++) {
                out[members.get(j)] = maps.get(j);
            }
        });
        return Arrays.asList(out);
    }

    /**
     * The attributions of every class for one input, class 0 first — what SHAP returns for a multi-class model.
     *
     * @param input a flattened input
     * @param classes the model's number of outputs ({@code model.outputSize()})
     */
    default List<Attribution> explainEachClass(float[] input, int classes) {
        if (classes <= 0) {
            throw new InvalidInputException("a model has at least one output, not " + classes);
        }
        List<Attribution> out = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            out.add(explain(input, Target.index(k)));
        }
        return out;
    }
}
