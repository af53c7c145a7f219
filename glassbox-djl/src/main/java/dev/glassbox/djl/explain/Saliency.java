package dev.glassbox.djl.explain;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.OutputWeighting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vanilla gradients (Simonyan et al. 2014): ∂f_k/∂x, signed or as absolute values, and Gradient × Input
 * (x ⊙ ∂f_k/∂x), computed for a whole batch in one forward and one backward pass per engine chunk (the explained
 * class is resolved from the scores of that same forward pass).
 */
public final class Saliency implements Explainer {
    /** What to report from the gradient. */
    public enum Kind {
        /** The signed gradient. */
        SIGNED("saliency"),
        /** Its absolute value, as Captum's {@code Saliency(abs=True)}. */
        ABSOLUTE("saliency"),
        /** Gradient × Input. */
        TIMES_INPUT("ixg");

        private final String method;

        Kind(String method) {
            this.method = method;
        }
    }

    private final DifferentiableModel model;
    private final Kind kind;

    private Saliency(DifferentiableModel model, Kind kind) {
        this.model = model;
        this.kind = kind;
    }

    /** Signed or absolute gradients. */
    public static Saliency gradients(DifferentiableModel model, boolean absolute) {
        return new Saliency(model, absolute ? Kind.ABSOLUTE : Kind.SIGNED);
    }

    /** Gradient × Input. */
    public static Saliency timesInput(DifferentiableModel model) {
        return new Saliency(model, Kind.TIMES_INPUT);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        Gradients pass = model.gradients(inputs, OutputWeighting.target(target));
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            float[] values = pass.gradients()[i];
            for (int j = 0; j < values.length; j++) {
                values[j] = switch (kind) {
                    case SIGNED -> values[j];
                    case ABSOLUTE -> Math.abs(values[j]);
                    case TIMES_INPUT -> values[j] * inputs[i][j];
                };
            }
            Map<String, Object> params = kind == Kind.TIMES_INPUT ? Map.of() : Map.of("abs", kind == Kind.ABSOLUTE);
            out.add(Attribution.of(kind.method, target.resolve(pass.scores()[i]), model.inputShape(), values, params,
                    Map.of()));
        }
        return out;
    }
}
