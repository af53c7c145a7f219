package dev.glassbox.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.stddev_pop;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.spark.table.CellValues;
import dev.glassbox.spark.table.CsvCells;
import dev.glassbox.spark.table.ExplainedRow;
import dev.glassbox.spark.table.ImportanceSummary;
import dev.glassbox.spark.table.LocalTableJob;
import dev.glassbox.spark.table.ModelSource;
import dev.glassbox.spark.table.SummaryReport;
import dev.glassbox.spark.table.SummarySample;
import dev.glassbox.spark.table.TableJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code glassbox explain-table --spark MASTER}: the same job as {@link LocalTableJob} on a Spark master. The input
 * (CSV read as text, or Parquet) gets each row's 0-based position (the key when none is named), rows are explained by
 * {@link SparkExplainer}, the results are written in input order as {@code attributions.parquet} (a Spark folder of
 * part files) and optionally {@code attributions.csv}, and the summary's importance is aggregated in Spark while its
 * plots draw the same key-chosen sample of rows as on one machine.
 *
 * <p>On a standalone master ({@code spark://}) executors get the driver's own class path (the glassbox jars must sit
 * at the same paths on every host, as on one machine or a shared file system) unless {@code spark.executor.
 * extraClassPath} or {@code spark.jars} is set as a system property.
 */
public final class SparkTableJob {
    private static final String POSITION = "__glassbox_row";

    private SparkTableJob() {
    }

    /**
     * Runs {@code job} on {@code master} with {@code partitions} partitions (0: as read), writing into {@code out}; with
     * {@code shipModel} the model file goes to the executors with the job ({@link ShippedModel}) instead of being read
     * from a path they share.
     */
    public static LocalTableJob.Outcome run(TableJob job, Path input, Path out, String master, int partitions,
            boolean shipModel) {
        SparkSession spark = session(master);
        try {
            Dataset<Row> table = positioned(spark, read(spark, input));
            List<String> columns = new ArrayList<>(Arrays.asList(table.columns()));
            columns.remove(POSITION);
            List<String> features = job.featureColumns(columns);
            if (partitions > 0) {
                table = table.repartition(partitions);
            }
            String key = job.key() == null ? POSITION : job.key();
            ModelSource source = shipModel ? ShippedModel.ship(spark, Path.of(job.model()), features.size(),
                    job.batchSize()) : job.source(features.size());
            Dataset<Row> explained = SparkExplainer.builder(source, job.method())
                    .key(key).features(features).seed(job.seed()).target(job.target()).failOnError(job.failFast())
                    .build().explain(table).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Dataset<Row> results = explained.orderBy(POSITION).select(resultColumns(key));
                results.write().parquet(out.resolve("attributions.parquet").toString());
                if (job.csv()) {
                    writeCsv(results, out.resolve("attributions.csv"), features);
                }
                return summarise(job, explained, features, out, input.getFileName().toString(), master);
            } finally {
                explained.unpersist();
            }
        } finally {
            spark.stop();
        }
    }

    private static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder().master(master).appName("glassbox explain-table")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
                .config("spark.executor.extraJavaOptions", "-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 "
                        + "-Dai.djl.pytorch.num_interop_threads=1");
        String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
        if (isa != null) {
            builder.config("spark.executorEnv.ONEDNN_MAX_CPU_ISA", isa);
        }
        if (master.startsWith("spark://") && System.getProperty("spark.executor.extraClassPath") == null
                && System.getProperty("spark.jars") == null) {
            builder.config("spark.executor.extraClassPath", DriverClassPath.get());
        }
        return builder.getOrCreate();
    }

    private static Dataset<Row> read(SparkSession spark, Path input) {
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.exists(input)) {
            throw new InvalidInputException("input " + input + " does not exist: expected a .csv or .parquet file");
        }
        if (name.endsWith(".parquet")) {
            return spark.read().parquet(input.toString());
        }
        if (name.endsWith(".csv")) {
            return spark.read().option("header", "true").option("mode", "PERMISSIVE").csv(input.toString());
        }
        throw new InvalidInputException("cannot tell the format of " + input + ": expected a .csv or .parquet file");
    }

    /** The table with each row's 0-based position in the input appended (in file order, whatever the partitions). */
    private static Dataset<Row> positioned(SparkSession spark, Dataset<Row> table) {
        StructType schema = table.schema().add(POSITION, DataTypes.LongType, false);
        JavaRDD<Row> rows = table.javaRDD().zipWithIndex().map(pair -> {
            Object[] cells = new Object[pair._1().length() + 1];
            for (int i = 0; i < cells.length - 1; i++) {
                cells[i] = pair._1().get(i);
            }
            cells[cells.length - 1] = pair._2();
            return RowFactory.create(cells);
        });
        return spark.createDataFrame(rows, schema);
    }

    private static Column[] resultColumns(String key) {
        List<Column> out = new ArrayList<>();
        out.add(col(key).cast(DataTypes.StringType).as(TableJob.KEY));
        SparkExplainer.RESULT_FIELDS.forEach(f -> out.add(col(f.name())));
        return out.toArray(Column[]::new);
    }

    private static void writeCsv(Dataset<Row> results, Path file, List<String> features) {
        try (Writer csv = Files.newBufferedWriter(file)) {
            csv.write(CsvCells.header(features));
            Iterator<Row> rows = results.toLocalIterator();
            while (rows.hasNext()) {
                csv.write(CsvCells.line(explainedRow(rows.next()), features.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A result row back as an {@link ExplainedRow}. */
    static ExplainedRow explainedRow(Row row) {
        String key = row.getAs(TableJob.KEY);
        long seed = row.getAs("seed");
        String error = row.getAs("error");
        if (error != null) {
            return ExplainedRow.failed(key, seed, error);
        }
        return new ExplainedRow(key, floats(row.getList(row.fieldIndex("attribution"))), row.getAs("target"),
                orNaN(row, "prediction"), orNaN(row, "expected_value"), orNaN(row, "additivity_error"), orNaN(row, "r2"),
                seed, null);
    }

    private static double orNaN(Row row, String field) {
        Double value = row.getAs(field);
        return value == null ? Double.NaN : value;
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = values.get(j);
        }
        return out;
    }

    private static LocalTableJob.Outcome summarise(TableJob job, Dataset<Row> explained, List<String> features,
            Path out, String input, String master) {
        Dataset<Row> ok = explained.filter(col("error").isNull());
        long rows = explained.count();
        long good = ok.count();
        int m = features.size();
        double[] meanAbs = new double[m];
        double[] stdAbs = new double[m];
        double[] mean = new double[m];
        Dataset<Row> values = ok.select(posexplode(col("attribution")).as(new String[] {"feature", "value"}));
        for (Row r : values.groupBy("feature").agg(avg(abs(col("value"))), stddev_pop(abs(col("value"))),
                avg(col("value"))).collectAsList()) {
            int j = r.getInt(0);
            meanAbs[j] = r.getDouble(1);
            stdAbs[j] = r.getDouble(2);
            mean[j] = r.getDouble(3);
        }
        double fraction = SummarySample.fraction(good, job.maxDots());
        String key = job.key() == null ? POSITION : job.key();
        Column[] sampled = new Column[m + 1];
        sampled[0] = col("attribution");
        for (int j = 0; j < m; j++) {
            sampled[j + 1] = col(features.get(j));
        }
        FilterFunction<Row> inSample = r -> SummarySample.keep(String.valueOf(r.get(r.fieldIndex(key))), fraction);
        List<Row> sample = ok.filter(inSample).orderBy(POSITION).select(sampled).collectAsList();
        float[][] sampleAttributions = new float[sample.size()][];
        float[][] sampleValues = new float[sample.size()][m];
        for (int i = 0; i < sample.size(); i++) {
            Row r = sample.get(i);
            sampleAttributions[i] = floats(r.getList(0));
            for (int j = 0; j < m; j++) {
                sampleValues[i][j] = CellValues.value(r.get(j + 1), features.get(j));
            }
        }
        SummaryReport.write(out, new ImportanceSummary(features, meanAbs, stdAbs, mean, good), sampleAttributions,
                sampleValues, rows - good, job.describe(input, "on Spark " + master));
        return new LocalTableJob.Outcome(rows, rows - good);
    }
}
