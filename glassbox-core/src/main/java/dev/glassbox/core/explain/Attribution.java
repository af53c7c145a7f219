package dev.glassbox.core.explain;

import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.model.Shape;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The result of an explainer: one value per input element or per feature group, the output it explains, and its
 * provenance — the method, its parameters (including any seed) and diagnostics such as Integrated Gradients'
 * completeness delta or Kernel SHAP's additivity error.
 *
 * @param method the method's name as used on the command line (e.g. {@code ig}, {@code kernel-shap})
 * @param target the index of the explained output
 * @param shape the shape of {@code values}: the input's shape, or {@code [groups]} for group attributions
 * @param values attributions flattened in row-major order
 * @param featureNames names of the features (tabular columns, tokens, groups), or an empty list
 * @param params the method's settings, as they were applied
 * @param diagnostics numbers that say how far to trust this result, in the order of their names; the common ones are
 *     described by {@link Diagnostic} and read with {@link #diagnostic(Diagnostic)}
 * @param grouping the features the values belong to; {@link #inputValues()} maps them back onto the input. Per-element
 *     attributions use {@link FeatureGrouping#elements(Shape)}
 * @param standardErrors the standard error of each value for sampling estimates, or an empty array
 */
public record Attribution(String method, int target, Shape shape, float[] values, List<String> featureNames,
        Map<String, Object> params, Map<String, Double> diagnostics, FeatureGrouping grouping, float[] standardErrors) {

    public Attribution {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(method + " produced " + values.length + " values for shape " + shape);
        }
        if (grouping.groupCount() != values.length) {
            throw new IllegalArgumentException(method + " produced " + values.length + " values for "
                    + grouping.groupCount() + " feature groups");
        }
        if (!featureNames.isEmpty() && featureNames.size() != values.length) {
            throw new IllegalArgumentException(method + " named " + featureNames.size() + " features for "
                    + values.length + " values");
        }
        if (standardErrors.length != 0 && standardErrors.length != values.length) {
            throw new IllegalArgumentException(method + " produced " + standardErrors.length + " standard errors for "
                    + values.length + " values");
        }
        featureNames = List.copyOf(featureNames);
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        diagnostics = Collections.unmodifiableSortedMap(new TreeMap<>(diagnostics));
    }

    /** A per-element attribution (values shaped like the input) without standard errors. */
    public Attribution(String method, int target, Shape shape, float[] values, List<String> featureNames,
            Map<String, Object> params, Map<String, Double> diagnostics) {
        this(method, target, shape, values, featureNames, params, diagnostics, FeatureGrouping.elements(shape),
                new float[0]);
    }

    /** A per-element attribution without feature names. */
    public static Attribution of(String method, int target, Shape shape, float[] values, Map<String, Object> params,
            Map<String, Double> diagnostics) {
        return new Attribution(method, target, shape, values, List.of(), params, diagnostics);
    }

    /** The values mapped onto the input's elements through {@link #grouping()} (for rendering heatmaps). */
    public float[] inputValues() {
        return grouping.expand(values);
    }

    /** The value of a diagnostic, or empty when this method does not report it. */
    public OptionalDouble diagnostic(Diagnostic which) {
        Double value = diagnostics.get(which.key());
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Whether {@link #standardErrors()} holds one standard error per value. */
    public boolean hasStandardErrors() {
        return standardErrors.length == values.length;
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
