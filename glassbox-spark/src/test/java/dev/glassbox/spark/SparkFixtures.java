package dev.glassbox.spark;

import dev.glassbox.core.input.CsvReader;
import dev.glassbox.core.input.TabularData;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.spark.table.CellValues;
import dev.glassbox.spark.table.ExplainedRow;
import dev.glassbox.spark.table.ModelSource;
import dev.glassbox.spark.table.RowExplainer;
import dev.glassbox.spark.table.TableMethod;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The breast-cancer fixtures (scripts/make_spark_fixtures.py) and a loopback Spark session for the tests. */
final class SparkFixtures {
    private SparkFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(SparkFixtures.class.getResource("/tabular/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path model() {
        return resource("cancer.pt");
    }

    static Path table() {
        return resource("cancer.csv");
    }

    static TabularData background() {
        return CsvReader.read(resource("background.csv"));
    }

    /** The 30 feature columns of the table, in the model's order. */
    static List<String> features() {
        return background().columns();
    }

    /** A session on {@code master} bound to loopback, without a UI. */
    static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("glassbox-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /** {@code rows} explained one after another on this JVM, without Spark, keyed by their {@code id}. */
    static Map<String, ExplainedRow> singleMachine(ModelSource source, TableMethod method, long seed, List<Row> rows) {
        Map<String, ExplainedRow> out = new HashMap<>();
        List<String> features = features();
        try (Model model = source.open()) {
            RowExplainer explainer = new RowExplainer(model, method, seed, features, Target.PREDICTED, false);
            for (Row row : rows) {
                float[] x = new float[features.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = CellValues.value(row.getAs(features.get(j)), features.get(j));
                }
                out.put(row.getAs("id"), explainer.explain(row.getAs("id"), x));
            }
        }
        return out;
    }

    /** The attribution column of a result row. */
    static float[] attribution(Row row) {
        List<Float> values = row.getList(row.fieldIndex("attribution"));
        float[] out = new float[values.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = values.get(j);
        }
        return out;
    }
}
