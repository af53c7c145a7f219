package dev.glassbox.spark.table;

import java.io.Serializable;

/**
 * One row's explanation: its key, its attributions (one per feature) and the diagnostics that let a reader check them,
 * or the reason it could not be explained. Numbers a method does not give are NaN.
 *
 * @param key the row's stable key
 * @param attribution one value per feature, or an empty array when the row failed
 * @param target the explained output
 * @param prediction the explained output's value at the row, f(x)
 * @param expectedValue the explained output's expected value over the background, E[f]
 * @param additivityError |Σφ − (f(x) − E[f])| when the method has an expected value
 * @param r2 the surrogate's weighted R² (LIME)
 * @param seed the row's seed ({@link RowSeeds#of})
 * @param error why the row was not explained, or {@code null}
 */
public record ExplainedRow(String key, float[] attribution, int target, double prediction, double expectedValue,
        double additivityError, double r2, long seed, String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A row that could not be explained, for {@code reason}. */
    public static ExplainedRow failed(String key, long seed, String reason) {
        return new ExplainedRow(key, new float[0], -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, seed, reason);
    }

    /** Whether the row was explained. */
    public boolean ok() {
        return error == null;
    }
}
