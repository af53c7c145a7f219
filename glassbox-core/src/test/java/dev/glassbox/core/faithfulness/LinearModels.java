package dev.glassbox.core.faithfulness;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.Map;

/** f(x) = w · x as a one-output model, and its exact attributions: the gradient w and Gradient × Input w ⊙ x. */
final class LinearModels {
    private LinearModels() {
    }

    static FunctionModel linear(Shape shape, float[] w) {
        return FunctionModel.ofScores(shape, 1, batch -> {
            float[][] out = new float[batch.length][1];
            for (int i = 0; i < batch.length; i++) {
                double sum = 0;
                for (int j = 0; j < w.length; j++) {
                    sum += (double) w[j] * batch[i][j];
                }
                out[i][0] = (float) sum;
            }
            return out;
        });
    }

    /** w ⊙ x (times {@code scale}), or w alone when {@code timesInput} is false. */
    static Explainer exact(Shape shape, float[] w, boolean timesInput, float scale) {
        return new Explainer() {
            @Override
            public Attribution explain(float[] input, Target target) {
                float[] values = new float[w.length];
                for (int j = 0; j < w.length; j++) {
                    values[j] = scale * w[j] * (timesInput ? input[j] : 1);
                }
                return Attribution.of(timesInput ? "ixg" : "gradient", 0, shape, values, Map.of(), Map.of());
            }
        };
    }
}
