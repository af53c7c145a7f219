package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Diagnostic;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.Shape;
import java.util.HashMap;
import java.util.Map;

/**
 * What a {@link CoalitionMethod} computes from a game: one value per player, optionally a standard error per player,
 * and diagnostics.
 *
 * @param values one attribution per player
 * @param standardErrors one standard error per player, or an empty array when the method does not estimate them
 * @param diagnostics method-specific numbers (additivity error, surrogate R², sample counts)
 */
public record Estimate(double[] values, double[] standardErrors, Map<String, Double> diagnostics) {

    public Estimate {
        if (standardErrors.length != 0 && standardErrors.length != values.length) {
            throw new IllegalArgumentException(standardErrors.length + " standard errors for " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalStateException("attribution " + i + " is " + values[i] + ": the model's outputs or the"
                        + " method's settings lead to a non-finite result");
            }
        }
        values = values.clone();
        standardErrors = standardErrors.clone();
        diagnostics = Map.copyOf(diagnostics);
    }

    /** An estimate without standard errors. */
    public static Estimate of(double[] values, Map<String, Double> diagnostics) {
        return new Estimate(values, new double[0], diagnostics);
    }

    /**
     * The attribution of these values to the groups of {@code grouping}, with the method's name and parameters and the
     * number of model rows evaluated added to the diagnostics.
     */
    public Attribution toAttribution(String method, int target, FeatureGrouping grouping, Map<String, Object> params,
            long modelEvaluations) {
        Map<String, Double> allDiagnostics = new HashMap<>(diagnostics);
        allDiagnostics.put(Diagnostic.MODEL_EVALUATIONS.key(), (double) modelEvaluations);
        return new Attribution(method, target, Shape.of(values.length), toFloat(values), grouping.names(), params,
                allDiagnostics, grouping, toFloat(standardErrors));
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
