package dev.glassbox.spark.table;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import java.util.List;
import java.util.Map;

/**
 * Explains rows one at a time with a {@link TableMethod}, each with its own seed derived from the job seed and its key,
 * so a row's result depends on nothing but the row, the model, the method and the job seed. A row that cannot be
 * explained (a missing or non-finite value, the wrong number of values) becomes a failed {@link ExplainedRow} with the
 * reason, unless the explainer was asked to stop at the first such row.
 *
 * <p>Each row's perturbations form that row's own batches: rows are not mixed into one batch, because an engine's
 * results can change in the last bits with the batch's composition, and a row's numbers must not depend on its
 * neighbours in a partition.
 */
public final class RowExplainer {
    private final Model model;
    private final TableMethod method;
    private final long jobSeed;
    private final List<String> columns;
    private final Target target;
    private final boolean failFast;

    /**
     * An explainer of rows with {@code columns.size()} features.
     *
     * @param target the output to explain ({@link Target#PREDICTED} for each row's predicted class)
     * @param failFast whether a row that cannot be explained stops the job (with its key) instead of being reported
     */
    public RowExplainer(Model model, TableMethod method, long jobSeed, List<String> columns, Target target,
            boolean failFast) {
        if (model.inputShape().size() != columns.size()) {
            throw new InvalidInputException("the model takes " + model.inputShape().size() + " values per row but the "
                    + "table has " + columns.size() + " feature columns " + columns);
        }
        this.model = model;
        this.method = method;
        this.jobSeed = jobSeed;
        this.columns = List.copyOf(columns);
        this.target = target;
        this.failFast = failFast;
    }

    /** Explains the row with {@code key}; {@code values} holds one value per feature column. */
    public ExplainedRow explain(String key, float[] values) {
        long seed = RowSeeds.of(jobSeed, key);
        String problem = problem(values);
        if (problem != null) {
            return failed(key, seed, problem);
        }
        Attribution a;
        try {
            a = method.explainer(model, seed, columns).explain(values, target);
        } catch (InvalidInputException e) {
            return failed(key, seed, e.getMessage());
        }
        Map<String, Double> d = a.diagnostics();
        double prediction = d.getOrDefault("modelPrediction", Double.NaN);
        double expected = d.getOrDefault("expectedValue", Double.NaN);
        double additivity = d.getOrDefault("additivityError", Math.abs(a.sum() - (prediction - expected)));
        return new ExplainedRow(key, a.values(), a.target(), prediction, expected, additivity,
                d.getOrDefault("r2", Double.NaN), seed, null);
    }

    /** A row that could not be read, for {@code reason} (stops the job when failing fast). */
    public ExplainedRow failed(String key, String reason) {
        return failed(key, RowSeeds.of(jobSeed, key), reason);
    }

    private ExplainedRow failed(String key, long seed, String reason) {
        if (failFast) {
            throw new InvalidInputException("row " + key + ": " + reason);
        }
        return ExplainedRow.failed(key, seed, reason);
    }

    private String problem(float[] values) {
        if (values.length != columns.size()) {
            return values.length + " values but the model takes " + columns.size();
        }
        for (int j = 0; j < values.length; j++) {
            if (!Float.isFinite(values[j])) {
                return "column " + columns.get(j) + " is " + values[j] + ": expected a finite number";
            }
        }
        return null;
    }
}
