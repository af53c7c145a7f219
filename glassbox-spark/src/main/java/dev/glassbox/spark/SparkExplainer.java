package dev.glassbox.spark;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.Target;
import dev.glassbox.spark.table.ModelSource;
import dev.glassbox.spark.table.TableMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Explains every row of a Spark {@code Dataset<Row>} with a glassbox {@link TableMethod}, returning the rows with the
 * explanation's columns appended: {@code attribution} (one float per feature), {@code target}, {@code prediction},
 * {@code expected_value}, {@code additivity_error}, {@code r2}, {@code seed} and {@code error} (why a row was not
 * explained; null when it was). The features are numeric (or numeric text) columns, one array or Spark ML vector
 * column, or one column of image paths (PNG or JPEG, read on the executors; an unreadable path is that row's error).
 *
 * <p>Each row is explained by the same code as without Spark ({@link dev.glassbox.spark.table.RowExplainer}) with a
 * seed derived from the job seed and the row's key, so the attributions are the same bits for any partitioning, any
 * number of executors, and on one machine. Executors open the model themselves from its {@link ModelSource}, once per
 * task slot. Before any work, {@link #explain} checks that the model opens on the driver with the right number of
 * inputs and that every executor can read it, and fails with one clear message otherwise.
 *
 * <pre>{@code
 * Dataset<Row> explained = SparkExplainer.builder(ModelSource.file("/shared/credit.pt", 30, 64),
 *         new TableMethod("kernel-shap", 256, background, false))
 *     .key("application_id").features(columns).seed(7).build()
 *     .explain(applications);
 * }</pre>
 */
public final class SparkExplainer {
    /** The columns appended to each row, in order. */
    public static final List<StructField> RESULT_FIELDS = List.of(
            DataTypes.createStructField("attribution", new ArrayType(DataTypes.FloatType, false), true),
            DataTypes.createStructField("target", DataTypes.IntegerType, true),
            DataTypes.createStructField("prediction", DataTypes.DoubleType, true),
            DataTypes.createStructField("expected_value", DataTypes.DoubleType, true),
            DataTypes.createStructField("additivity_error", DataTypes.DoubleType, true),
            DataTypes.createStructField("r2", DataTypes.DoubleType, true),
            DataTypes.createStructField("seed", DataTypes.LongType, false),
            DataTypes.createStructField("error", DataTypes.StringType, true));

    private final ModelSource source;
    private final TableMethod method;
    private final long seed;
    private final String key;
    private final List<String> features;
    private final String arrayColumn;
    private final boolean images;
    private final String target;
    private final boolean failFast;

    private SparkExplainer(Builder b) {
        this.source = b.source;
        this.method = b.method;
        this.seed = b.seed;
        this.key = b.key;
        this.features = b.features;
        this.arrayColumn = b.arrayColumn;
        this.images = b.images;
        this.target = b.target;
        this.failFast = b.failFast;
    }

    /** A builder for explaining with {@code method} the model that {@code source} opens. */
    public static Builder builder(ModelSource source, TableMethod method) {
        return new Builder(source, method);
    }

    /**
     * The rows of {@code rows} with the explanation's columns appended, in the same order and partitions. The result is
     * lazy, like any Dataset; the checks of the model run now.
     */
    public Dataset<Row> explain(Dataset<Row> rows) {
        StructType schema = rows.schema();
        int keyIndex = index(schema, key);
        int arrayIndex = arrayColumn == null ? -1 : index(schema, arrayColumn);
        int[] featureIndices = arrayColumn == null ? features.stream().mapToInt(c -> index(schema, c)).toArray()
                : new int[0];
        int inputs = checkModel();
        List<String> names = arrayColumn == null ? features : elementNames(inputs);
        if (arrayColumn == null && names.size() != inputs) {
            throw new InvalidInputException("the model takes " + inputs + " values per row but " + names.size()
                    + " feature columns were given");
        }
        checkExecutors(rows);
        StructType out = schema;
        for (StructField field : RESULT_FIELDS) {
            if (Arrays.asList(schema.fieldNames()).contains(field.name())) {
                throw new InvalidInputException("the input already has a column named " + field.name()
                        + ": rename it, the explanation adds its own");
            }
            out = out.add(field);
        }
        ExplainPartition work = new ExplainPartition(source, method, seed, target, failFast, keyIndex, featureIndices,
                names, arrayIndex, images);
        return rows.mapPartitions(work, Encoders.row(out));
    }

    /** The number of inputs the model takes, opening it once on the driver. */
    private int checkModel() {
        source.check();
        try (Model model = source.open()) {
            if (model.inputShape().rank() != 1 && !images) {
                throw new InvalidInputException("the model takes inputs of shape " + model.inputShape()
                        + ", not rows of features");
            }
            return model.inputShape().size();
        }
    }

    /** Runs one small task per executor core that checks the model can be opened there. */
    private void checkExecutors(Dataset<Row> rows) {
        int slots = Math.max(1, rows.sparkSession().sparkContext().defaultParallelism());
        ModelSource checked = source;
        MapPartitionsFunction<Long, Long> probe = ids -> {
            checked.check();
            return Collections.emptyIterator();
        };
        try {
            rows.sparkSession().range(0, slots, 1, slots).mapPartitions(probe, Encoders.LONG()).count();
        } catch (Exception e) { // Spark throws its checked SparkException from Scala
            throw new ModelLoadException("an executor cannot open the model " + source + ": " + rootMessage(e)
                    + " (every executor must be able to read the model's path)", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static int index(StructType schema, String column) {
        List<String> names = Arrays.asList(schema.fieldNames());
        int i = names.indexOf(column);
        if (i < 0) {
            throw new InvalidInputException("the input has no column '" + column + "': its columns are " + names);
        }
        return i;
    }

    private List<String> elementNames(int count) {
        List<String> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            out.add(arrayColumn + "[" + j + "]");
        }
        return out;
    }

    /** Settings for {@link SparkExplainer}. */
    public static final class Builder {
        private final ModelSource source;
        private final TableMethod method;
        private long seed;
        private String key;
        private List<String> features;
        private String arrayColumn;
        private boolean images;
        private String target = Target.PREDICTED.toString();
        private boolean failFast;

        private Builder(ModelSource source, TableMethod method) {
            if (source == null || method == null) {
                throw new InvalidInputException("a Spark explainer needs a model source and a method");
            }
            this.source = source;
            this.method = method;
        }

        /** The job seed each row's seed derives from (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The column holding each row's stable key (required): a row's seed derives from it. */
        public Builder key(String column) {
            this.key = column;
            return this;
        }

        /** The numeric (or numeric text) feature columns, in the order the model takes them. */
        public Builder features(List<String> columns) {
            this.features = List.copyOf(columns);
            this.arrayColumn = null;
            this.images = false;
            return this;
        }

        /**
         * One column holding each row's features, instead of one column per feature: an array of numbers or a Spark ML
         * vector (dense or sparse).
         */
        public Builder arrayColumn(String column) {
            this.arrayColumn = column;
            this.features = null;
            this.images = false;
            return this;
        }

        /** One column of image file paths that every executor can read, for a model of images. */
        public Builder imageColumn(String column) {
            arrayColumn(column);
            this.images = true;
            return this;
        }

        /** The output to explain: {@code pred} (each row's predicted class, the default) or a class index. */
        public Builder target(String target) {
            this.target = Target.parse(target).toString();
            return this;
        }

        /** Whether a row that cannot be explained fails the job with its key (default: it gets an error column). */
        public Builder failOnError(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        public SparkExplainer build() {
            if (key == null) {
                throw new InvalidInputException("name the key column: each row's seed derives from its key");
            }
            if (features == null && arrayColumn == null) {
                throw new InvalidInputException("name the feature columns, the array column or the image column");
            }
            return new SparkExplainer(this);
        }
    }
}
