package dev.glassbox.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.spark.table.ExplainedRow;
import dev.glassbox.spark.table.ModelSource;
import dev.glassbox.spark.table.TableMethod;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.ImageReader;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.TorchScriptModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkExplainerTest {
    private static final int ROWS = 24;
    private static final long SEED = 11;
    private static SparkSession spark;
    private static Dataset<Row> table;
    private static TableMethod kernelShap;
    private static ModelSource source;

    @BeforeAll
    static void start() {
        spark = SparkFixtures.session("local[2]");
        table = spark.read().option("header", "true").csv(SparkFixtures.table().toString()).limit(ROWS).cache();
        kernelShap = new TableMethod("kernel-shap", 64, background(), false);
        source = ModelSource.file(SparkFixtures.model().toString(), 30, 64);
    }

    /** Eight background rows: enough for a non-trivial expected value, few enough for quick tests. */
    private static float[][] background() {
        return java.util.Arrays.copyOf(SparkFixtures.background().rows(), 8);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Map<String, ExplainedRow> withoutSpark(TableMethod method) {
        return SparkFixtures.singleMachine(source, method, SEED, table.collectAsList());
    }

    private static List<Row> explain(Dataset<Row> rows, TableMethod method) {
        return SparkExplainer.builder(source, method).key("id").features(SparkFixtures.features()).seed(SEED).build()
                .explain(rows).collectAsList();
    }

    private static float[] attribution(Row row) {
        return SparkFixtures.attribution(row);
    }

    /**
     * A model shipped with the job: the source carries only the file's name, executors load their fetched copy, and
     * the attributions are those of the model read from its path; a missing file fails on the driver, before any work.
     */
    @Test
    void aShippedModelGivesTheSameBitsAsTheSharedPath(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path copy = dir.resolve("shipped-model.pt");
        java.nio.file.Files.copy(SparkFixtures.model(), copy);
        ShippedModel shipped = ShippedModel.ship(spark, copy, 30, 64);
        assertThat(shipped.name()).isEqualTo("shipped-model.pt");
        assertThat(shipped.toString()).doesNotContain(dir.toString());
        Map<String, ExplainedRow> expected = withoutSpark(kernelShap);
        List<Row> rows = SparkExplainer.builder(shipped, kernelShap).key("id").features(SparkFixtures.features())
                .seed(SEED).build().explain(table.repartition(3)).collectAsList();
        assertThat(rows).hasSize(ROWS);
        for (Row row : rows) {
            assertThat(attribution(row)).containsExactly(expected.get(row.<String>getAs("id")).attribution());
        }
        assertThatThrownBy(() -> ShippedModel.ship(spark, dir.resolve("missing.pt"), 30, 64))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("not found");
    }

    /**
     * The features as one Spark ML vector column — dense for even rows, sparse (one feature set to 0 everywhere, so
     * that sparse rows leave it out) for odd ones — give the same bits as the named columns with the same values.
     */
    @Test
    void aSparkMlVectorColumnGivesTheSameBitsAsTheColumns() {
        List<String> names = SparkFixtures.features();
        Dataset<Row> zeroed = table.withColumn(names.get(3), functions.lit("0"));
        Map<String, ExplainedRow> expected = SparkFixtures.singleMachine(source, kernelShap, SEED,
                zeroed.collectAsList());
        List<Row> vectors = new ArrayList<>();
        for (Row row : zeroed.collectAsList()) {
            if (!expected.get(row.<String>getAs("id")).ok()) {
                continue; // the fixture's unreadable cells
            }
            double[] values = new double[names.size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = Float.parseFloat(row.<String>getAs(names.get(j)));
            }
            org.apache.spark.ml.linalg.Vector v = org.apache.spark.ml.linalg.Vectors.dense(values);
            vectors.add(RowFactory.create(row.<String>getAs("id"), vectors.size() % 2 == 0 ? v : v.toSparse()));
        }
        StructType schema = new StructType().add("id", DataTypes.StringType)
                .add("features", new org.apache.spark.ml.linalg.VectorUDT());
        List<Row> rows = SparkExplainer.builder(source, kernelShap).key("id").arrayColumn("features").seed(SEED)
                .build().explain(spark.createDataFrame(vectors, schema).repartition(3)).collectAsList();
        assertThat(rows).hasSize(vectors.size()).hasSizeGreaterThan(ROWS - 3);
        for (Row row : rows) {
            assertThat(row.<String>getAs("error")).isNull();
            assertThat(attribution(row)).containsExactly(expected.get(row.<String>getAs("id")).attribution());
        }
    }

    @Test
    void kernelShapIsBitIdenticalToTheSingleMachineExplainerForAnyPartitioning() {
        Map<String, ExplainedRow> expected = withoutSpark(kernelShap);
        for (int partitions : new int[] {1, 2, 7}) {
            Dataset<Row> split = partitions == 1 ? table.coalesce(1) : table.repartition(partitions);
            assertThat(split.rdd().getNumPartitions()).isEqualTo(partitions);
            List<Row> rows = explain(split, kernelShap);
            assertThat(rows).hasSize(ROWS);
            for (Row row : rows) {
                ExplainedRow single = expected.get(row.<String>getAs("id"));
                assertThat(attribution(row)).as("partitions %d row %s", partitions, single.key())
                        .containsExactly(single.attribution());
                assertThat(row.<Long>getAs("seed")).isEqualTo(single.seed());
                assertThat(row.<Double>getAs("expected_value")).isEqualTo(single.expectedValue());
            }
        }
    }

    @Test
    void efficiencyHoldsOnEveryRowAgainstTheModelsOwnOutputs() {
        float[][] background = background();
        List<Row> rows = explain(table, kernelShap);
        try (Model model = source.open()) {
            float[][] bgScores = model.predict(background);
            for (Row row : rows) {
                List<String> features = SparkFixtures.features();
                float[] x = new float[features.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = Float.parseFloat(row.getAs(features.get(j)));
                }
                float[] scores = model.predict(new float[][] {x})[0];
                int target = scores[1] > scores[0] ? 1 : 0;
                double mean = 0;
                for (float[] s : bgScores) {
                    mean += s[target] / background.length;
                }
                double sum = 0;
                for (float v : attribution(row)) {
                    sum += v;
                }
                assertThat(row.<Integer>getAs("target")).isEqualTo(target);
                assertThat(sum).as("row %s", row.<String>getAs("id")).isCloseTo(scores[target] - mean,
                        org.assertj.core.data.Offset.offset(2e-4 * (1 + Math.abs(scores[target]))));
            }
        }
    }

    /**
     * A gradient method from the catalogue runs on the executors too: Integrated Gradients from the zero baseline is
     * bit-identical to the single-machine explainer and complete against the model's own outputs on every row.
     */
    @Test
    void integratedGradientsRunOnTheExecutorsAndAreComplete() {
        TableMethod ig = new TableMethod("ig", 64, new float[0][], false);
        Map<String, ExplainedRow> expected = withoutSpark(ig);
        List<Row> rows = explain(table.repartition(3), ig);
        List<String> features = SparkFixtures.features();
        try (Model model = source.open()) {
            float[] zero = new float[features.size()];
            for (Row row : rows) {
                ExplainedRow single = expected.get(row.<String>getAs("id"));
                assertThat(attribution(row)).containsExactly(single.attribution());
                float[] x = new float[features.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = Float.parseFloat(row.getAs(features.get(j)));
                }
                float[][] scores = model.predict(new float[][] {x, zero});
                int target = row.<Integer>getAs("target");
                double sum = 0;
                for (float v : attribution(row)) {
                    sum += v;
                }
                double delta = scores[0][target] - scores[1][target];
                assertThat(sum).as("row %s", single.key()).isCloseTo(delta,
                        org.assertj.core.data.Offset.offset(1e-3 * (1 + Math.abs(delta))));
            }
        }
        assertThatThrownBy(() -> new TableMethod("no-such-method", 0, new float[0][], false))
                .hasMessageContaining("unknown method 'no-such-method'").hasMessageContaining("kernel-shap");
    }

    @Test
    void badRowsGetAnErrorAndNoOtherRowIsLost() {
        Dataset<Row> broken = table.withColumn("mean_radius", functions.when(functions.col("id").equalTo("p0003"),
                functions.lit("NaN")).when(functions.col("id").equalTo("p0005"), functions.lit(null))
                .otherwise(functions.col("mean_radius")));
        List<Row> rows = explain(broken.repartition(3), new TableMethod("ablation", 0, new float[0][], false));
        assertThat(rows).hasSize(ROWS);
        Map<String, String> errors = new HashMap<>();
        List<String> fine = new ArrayList<>();
        for (Row row : rows) {
            String id = row.getAs("id");
            if (row.getAs("error") != null) {
                errors.put(id, row.getAs("error"));
                assertThat(row.<Object>getAs("attribution")).isNull();
            } else {
                fine.add(id);
                assertThat(attribution(row)).hasSize(30);
            }
        }
        assertThat(errors).containsOnlyKeys("p0003", "p0005");
        assertThat(errors.get("p0003")).contains("mean_radius").contains("NaN");
        assertThat(errors.get("p0005")).contains("mean_radius").contains("missing");
        assertThat(fine).hasSize(ROWS - 2);
    }

    @Test
    void failOnErrorStopsTheJobNamingTheRow() {
        Dataset<Row> broken = table.withColumn("mean_area", functions.when(functions.col("id").equalTo("p0007"),
                functions.lit("wide")).otherwise(functions.col("mean_area")));
        assertThatThrownBy(() -> SparkExplainer.builder(source, new TableMethod("ablation", 0, new float[0][], false))
                .key("id").features(SparkFixtures.features()).failOnError(true).build().explain(broken).collectAsList())
                .hasStackTraceContaining("row p0007: column mean_area holds 'wide'");
    }

    @Test
    void anUnreadableModelIsOneClearErrorBeforeAnyWork() {
        ModelSource missing = ModelSource.file("/nonexistent/model.pt", 30, 64);
        assertThatThrownBy(() -> SparkExplainer.builder(missing, kernelShap).key("id")
                .features(SparkFixtures.features()).build().explain(table))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("/nonexistent/model.pt");
    }

    @Test
    void imagePathsAreReadOnTheExecutorsAndAnUnreadableOneIsOnlyThatRowsError() {
        String image = Path.of(System.getProperty("glassbox.fixtures"), "sample.png").toString();
        String cnn = Path.of(System.getProperty("glassbox.fixtures"), "cnn.pt").toString();
        ModelSource images = ModelSource.of("cnn", () -> TorchScriptModel.load(Path.of(cnn),
                ModelOptions.withShape(Shape.of(1, 28, 28))));
        StructType schema = new StructType().add("id", DataTypes.StringType).add("path", DataTypes.StringType);
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create("a", image),
                RowFactory.create("b", "/nonexistent/image.png"), RowFactory.create("c", image)), schema).repartition(2);
        List<Row> out = SparkExplainer.builder(images, new TableMethod("ablation", 0, new float[0][], false)).key("id")
                .imageColumn("path").target("3").build().explain(rows).collectAsList();
        Map<String, Row> byId = new HashMap<>();
        out.forEach(r -> byId.put(r.getAs("id"), r));
        assertThat(byId).containsOnlyKeys("a", "b", "c");
        assertThat(byId.get("b").<String>getAs("error")).contains("/nonexistent/image.png");
        float[] a = attribution(byId.get("a"));
        assertThat(attribution(byId.get("c"))).containsExactly(a);
        int top = 0;
        for (int k = 0; k < a.length; k++) {
            top = Math.abs(a[k]) > Math.abs(a[top]) ? k : top;
        }
        float[] x = ImageReader.read(Path.of(image), ImageOptions.defaults()).values();
        float[] ablated = x.clone();
        ablated[top] = 0;
        try (Model model = images.open()) {
            float[][] scores = model.predict(new float[][] {x, ablated});
            assertThat(a[top]).isCloseTo(scores[0][3] - scores[1][3], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }
}
