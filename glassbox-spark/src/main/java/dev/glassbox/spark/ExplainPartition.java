package dev.glassbox.spark;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.ImageReader;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.spark.table.CellValues;
import dev.glassbox.spark.table.ExplainedRow;
import dev.glassbox.spark.table.ModelSource;
import dev.glassbox.spark.table.RowExplainer;
import dev.glassbox.spark.table.TableMethod;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The work of one task: borrows the executor's model, explains the partition's rows one after another with a {@link
 * RowExplainer} and appends the explanation's columns ({@link SparkExplainer#RESULT_FIELDS}) to each row. The model goes
 * back to the executor's pool when the task ends, successful or not.
 */
final class ExplainPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final ModelSource source;
    private final TableMethod method;
    private final long seed;
    private final String target;
    private final boolean failFast;
    private final int keyIndex;
    private final int[] featureIndices;
    private final List<String> features;
    private final int arrayIndex;
    private final boolean images;

    /**
     * The task's settings: the features are the columns at {@code featureIndices}, or the array column at {@code
     * arrayIndex} (then {@code featureIndices} is empty) with {@code features} naming its elements; with {@code images}
     * that column holds image paths instead.
     */
    ExplainPartition(ModelSource source, TableMethod method, long seed, String target, boolean failFast, int keyIndex,
            int[] featureIndices, List<String> features, int arrayIndex, boolean images) {
        this.source = source;
        this.method = method;
        this.seed = seed;
        this.target = target;
        this.failFast = failFast;
        this.keyIndex = keyIndex;
        this.featureIndices = featureIndices.clone();
        this.features = List.copyOf(features);
        this.arrayIndex = arrayIndex;
        this.images = images;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Model model = ExecutorModels.borrow(source);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> ExecutorModels.giveBack(source, model));
        }
        RowExplainer explainer = new RowExplainer(model, method, seed, features, Target.parse(target), failFast);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                return append(row, explain(row, explainer));
            }
        };
    }

    private ExplainedRow explain(Row row, RowExplainer explainer) {
        Object keyCell = row.get(keyIndex);
        String key = String.valueOf(keyCell);
        if (keyCell == null) {
            return explainer.failed(key, "the key is missing");
        }
        float[] values;
        try {
            values = values(row);
        } catch (InvalidInputException unreadable) {
            return explainer.failed(key, unreadable.getMessage());
        }
        return explainer.explain(key, values);
    }

    private float[] values(Row row) {
        if (arrayIndex < 0) {
            float[] out = new float[featureIndices.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = CellValues.value(row.get(featureIndices[j]), features.get(j));
            }
            return out;
        }
        if (row.isNullAt(arrayIndex)) {
            throw new InvalidInputException(images ? "the image path is missing" : "the feature array is missing");
        }
        if (images) {
            String path = row.get(arrayIndex).toString();
            try {
                return ImageReader.read(Path.of(path), ImageOptions.defaults()).values();
            } catch (UncheckedIOException | InvalidPathException e) {
                throw new InvalidInputException("cannot read image " + path + ": " + e.getMessage());
            }
        }
        if (MlVectors.isVector(row.get(arrayIndex))) {
            return MlVectors.values(row.get(arrayIndex));
        }
        List<Object> cells = row.getList(arrayIndex);
        float[] out = new float[cells.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = CellValues.value(cells.get(j), "[" + j + "]");
        }
        return out;
    }

    private static Row append(Row row, ExplainedRow r) {
        int n = row.length();
        Object[] cells = new Object[n + SparkExplainer.RESULT_FIELDS.size()];
        for (int i = 0; i < n; i++) {
            cells[i] = row.get(i);
        }
        Float[] attribution = null;
        if (r.ok()) {
            attribution = new Float[r.attribution().length];
            for (int j = 0; j < attribution.length; j++) {
                attribution[j] = r.attribution()[j];
            }
        }
        cells[n] = attribution;
        cells[n + 1] = r.ok() ? r.target() : null;
        cells[n + 2] = orNull(r.prediction());
        cells[n + 3] = orNull(r.expectedValue());
        cells[n + 4] = orNull(r.additivityError());
        cells[n + 5] = orNull(r.r2());
        cells[n + 6] = r.seed();
        cells[n + 7] = r.error();
        return RowFactory.create(cells);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
