package dev.glassbox.spark.table;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code glassbox explain-table} does, with or without Spark: the model file, the method, the job seed, which
 * column is the row key (none: the row's 0-based position in the input) and which are the features (none: every column
 * but the key), the target, whether a bad row stops the job, and what to write.
 *
 * @param model the model file every executor can read
 * @param method the method and its background
 * @param seed the job seed
 * @param key the key column, or {@code null} for row positions
 * @param features the feature columns, or {@code null} for every column but the key
 * @param target {@code pred} or a class index
 * @param failFast whether a row that cannot be explained stops the job with its key
 * @param batchSize rows per engine call
 * @param maxDots about how many rows the beeswarm and dependence plots show
 * @param csv whether {@code attributions.csv} is written beside {@code attributions.parquet}
 */
public record TableJob(String model, TableMethod method, long seed, String key, List<String> features, String target,
        boolean failFast, int batchSize, int maxDots, boolean csv) {

    /** The key column's name in the written results. */
    public static final String KEY = "key";

    public TableJob {
        features = features == null ? null : List.copyOf(features);
        if (maxDots <= 0) {
            throw new InvalidInputException("the number of dots in the plots must be positive, was " + maxDots);
        }
    }

    /** The feature columns among {@code columns}: those named, or all but the key. */
    public List<String> featureColumns(List<String> columns) {
        if (features != null) {
            for (String f : features) {
                if (!columns.contains(f)) {
                    throw new InvalidInputException("the input has no column '" + f + "': its columns are " + columns);
                }
            }
            return features;
        }
        List<String> out = new ArrayList<>(columns);
        out.remove(key);
        return out;
    }

    /** The model's source, taking rows of {@code features} values. */
    public ModelSource source(int features) {
        return ModelSource.file(model, features, batchSize);
    }

    /** A line for the report: model, method, input. */
    public String describe(String input, String where) {
        return "model " + model + ", method " + method.name() + (method.samples() > 0 ? " (" + method.samples()
                + " samples)" : "") + ", seed " + seed + ", input " + input + ", " + where;
    }
}
