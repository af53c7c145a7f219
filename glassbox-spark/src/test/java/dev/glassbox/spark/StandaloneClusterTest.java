package dev.glassbox.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.spark.table.ExplainedRow;
import dev.glassbox.spark.table.ModelSource;
import dev.glassbox.spark.table.TableMethod;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job on a real standalone cluster (a master and two workers on loopback, separate JVMs) gives the same bits, with
 * the model read from a shared path and shipped with the job.
 */
class StandaloneClusterTest {

    @Test
    void aJobOnTwoWorkersMatchesTheSingleMachineExplainerBitForBit(@TempDir Path dir) throws Exception {
        ModelSource source = ModelSource.file(SparkFixtures.model().toString(), 30, 64);
        TableMethod method = new TableMethod("kernel-shap", 48,
                Arrays.copyOf(SparkFixtures.background().rows(), 6), false);
        try (StandaloneCluster cluster = new StandaloneCluster(dir, 2)) {
            SparkSession spark = SparkSession.builder().master(cluster.master()).appName("glassbox-cluster-test")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.executor.memory", "768m")
                    .config("spark.cores.max", "2")
                    .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                    .config("spark.executor.extraJavaOptions", "-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1")
                    .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
                    .getOrCreate();
            try {
                Dataset<Row> table = spark.read().option("header", "true").csv(SparkFixtures.table().toString())
                        .limit(12).repartition(4).cache();
                List<Row> rows = SparkExplainer.builder(source, method).key("id").features(SparkFixtures.features())
                        .seed(3).build().explain(table).collectAsList();
                Map<String, ExplainedRow> expected = SparkFixtures.singleMachine(source, method, 3, rows);
                assertThat(rows).hasSize(12);
                for (Row row : rows) {
                    assertThat(row.<String>getAs("error")).isNull();
                    assertThat(SparkFixtures.attribution(row)).as("row %s", row.<String>getAs("id"))
                            .containsExactly(expected.get(row.<String>getAs("id")).attribution());
                }
                assertThat(spark.sparkContext().getExecutorMemoryStatus().size()).as("driver and two executors")
                        .isEqualTo(3);
                // the same job with the model shipped: the workers' JVMs load the copies they fetched
                Path copy = dir.resolve("shipped").resolve("cluster-model.pt");
                java.nio.file.Files.createDirectories(copy.getParent());
                java.nio.file.Files.copy(SparkFixtures.model(), copy);
                List<Row> shipped = SparkExplainer.builder(ShippedModel.ship(spark, copy, 30, 64), method).key("id")
                        .features(SparkFixtures.features()).seed(3).build().explain(table).collectAsList();
                assertThat(shipped).hasSize(12);
                for (Row row : shipped) {
                    assertThat(SparkFixtures.attribution(row)).as("shipped, row %s", row.<String>getAs("id"))
                            .containsExactly(expected.get(row.<String>getAs("id")).attribution());
                }
            } finally {
                spark.stop();
            }
        }
    }
}
