package dev.glassbox.core.explain;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A map of independent uniform values in [−1, 1), drawn from the seed and the input's contents: the baseline that
 * faithfulness and sanity checks compare real explanations with. It knows nothing about the model beyond which class
 * the target names.
 */
public final class RandomAttribution implements Explainer {
    private final Model model;
    private final long seed;

    /** Random maps for inputs of {@code model}, drawn from {@code seed}. */
    public RandomAttribution(Model model, long seed) {
        this.model = model;
        this.seed = seed;
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        float[][] scores = model.predict(inputs);
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L * Arrays.hashCode(inputs[i]));
            float[] values = new float[inputs[i].length];
            for (int j = 0; j < values.length; j++) {
                values[j] = (float) (2 * random.nextDouble() - 1);
            }
            out.add(Attribution.of("random", target.resolve(scores[i]), model.inputShape(), values,
                    Map.of("seed", seed), Map.of()));
        }
        return out;
    }
}
