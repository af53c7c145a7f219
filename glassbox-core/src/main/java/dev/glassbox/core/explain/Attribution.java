package dev.glassbox.core.explain;

import dev.glassbox.core.model.Shape;
import java.util.List;
import java.util.Map;

/**
 * The result of an explainer: one value per input element (or per feature group), the output it explains, and its
 * provenance — the method, its parameters (including any seed) and diagnostics such as Integrated Gradients'
 * completeness delta or Kernel SHAP's additivity error.
 *
 * @param method the method's name as used on the command line (e.g. {@code ig}, {@code kernel-shap})
 * @param target the index of the explained output
 * @param shape the shape of {@code values}: the input's shape, or the grouping's shape for group attributions
 * @param values attributions flattened in row-major order
 * @param featureNames names of the features (tabular columns, tokens, groups), or an empty list
 * @param params the method's settings, as they were applied
 * @param diagnostics numbers that say how far to trust this result
 */
public record Attribution(String method, int target, Shape shape, float[] values, List<String> featureNames,
        Map<String, Object> params, Map<String, Double> diagnostics) {

    public Attribution {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(method + " produced " + values.length + " values for shape " + shape);
        }
        featureNames = List.copyOf(featureNames);
        params = Map.copyOf(params);
        diagnostics = Map.copyOf(diagnostics);
    }

    /** An attribution without feature names. */
    public static Attribution of(String method, int target, Shape shape, float[] values, Map<String, Object> params,
            Map<String, Double> diagnostics) {
        return new Attribution(method, target, shape, values, List.of(), params, diagnostics);
    }

    /** The sum of all values (what completeness compares with the change in output). */
    public double sum() {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
