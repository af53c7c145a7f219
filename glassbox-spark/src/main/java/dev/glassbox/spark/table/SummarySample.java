package dev.glassbox.spark.table;

/**
 * The rows drawn in the beeswarm and dependence plots: those whose key falls below a fraction chosen for about {@code
 * maxDots} rows ({@link RowSeeds#uniform}), so the sample is the same with or without Spark and for any partitioning.
 */
public final class SummarySample {
    private SummarySample() {
    }

    /** The fraction of {@code rows} rows to keep for about {@code maxDots} dots (1 when there are fewer rows). */
    public static double fraction(long rows, int maxDots) {
        return rows <= maxDots ? 1.0 : (double) maxDots / rows;
    }

    /** Whether the row with {@code key} is in the sample of {@code fraction}. */
    public static boolean keep(String key, double fraction) {
        return fraction >= 1.0 || RowSeeds.uniform(key) < fraction;
    }
}
