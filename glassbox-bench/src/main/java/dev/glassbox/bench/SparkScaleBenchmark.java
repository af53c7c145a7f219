package dev.glassbox.bench;

import dev.glassbox.core.input.CsvReader;
import dev.glassbox.core.input.TabularData;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.spark.SparkExplainer;
import dev.glassbox.spark.table.CellValues;
import dev.glassbox.spark.table.InputTable;
import dev.glassbox.spark.table.ModelSource;
import dev.glassbox.spark.table.TableMethod;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Explains many rows of a 30-feature tabular model on Spark and prints one line: rows per wall-clock second and per
 * CPU second of the explaining tasks (Spark's task metrics), the model's own CPU time (the forward passes the explainer
 * asked for; libtorch runs on the calling thread with one intra-op thread) against the tasks' CPU time, and the
 * process's peak memory. CPU times do not count the time a busy machine keeps a thread waiting. The rows are the Wisconsin breast-cancer table resampled with 5 % multiplicative Gaussian noise per
 * value, generated and cached before the clock starts; the job is forced by Spark's {@code noop} writer.
 *
 * <pre>
 * java [JVM flags] -cp "glassbox-bench/target/classes:glassbox-bench/target/lib/*" dev.glassbox.bench.SparkScaleBenchmark \
 *     MASTER ROWS METHOD SAMPLES BACKGROUND_ROWS PARTITIONS [FIXTURES_DIR]
 * </pre>
 *
 * Run each configuration in a fresh JVM: the peak resident memory is the whole process's high-water mark.
 */
public final class SparkScaleBenchmark {
    /** CPU nanoseconds spent inside the model's forward passes in this JVM (a local master's executor lives here). */
    static final LongAdder MODEL_NANOS = new LongAdder();
    /** CPU nanoseconds of the explaining tasks, as Spark's task metrics count them. */
    static final LongAdder TASK_NANOS = new LongAdder();

    private SparkScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String master = args[0];
        long rows = Long.parseLong(args[1]);
        String method = args[2];
        int samples = Integer.parseInt(args[3]);
        int backgroundRows = Integer.parseInt(args[4]);
        int partitions = Integer.parseInt(args[5]);
        Path fixtures = Path.of(args.length > 6 ? args[6] : "glassbox-spark/src/test/resources/tabular");
        TabularData data = CsvReader.read(fixtures.resolve("background.csv"));
        float[][] base = readTable(fixtures.resolve("cancer.csv"));
        String model = fixtures.resolve("cancer.pt").toAbsolutePath().toString();

        SparkSession spark = SparkSession.builder().master(master).appName("glassbox scale benchmark")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate();
        try {
            Dataset<Row> table = generate(spark, base, data.columns(), rows, partitions).cache();
            table.count();
            TableMethod recipe = new TableMethod(method, samples, Arrays.copyOf(data.rows(), backgroundRows), false);
            ModelSource timed = ModelSource.of("timed " + model, () -> new TimedModel(
                    ModelSource.file(model, 30, 256).open()));
            SparkExplainer explainer = SparkExplainer.builder(timed, recipe).key("id").features(data.columns()).seed(1)
                    .build();
            Dataset<Row> explained = explainer.explain(table);
            spark.sparkContext().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    TASK_NANOS.add(end.taskMetrics().executorCpuTime());
                }
            });
            MODEL_NANOS.reset();
            long start = System.nanoTime();
            explained.write().format("noop").mode("overwrite").save();
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(3000); // the listener bus delivers the last task ends
            double modelCpu = MODEL_NANOS.sum() / 1e9;
            double taskCpu = TASK_NANOS.sum() / 1e9;
            System.out.printf(Locale.ROOT, "master=%s rows=%d method=%s samples=%d background=%d partitions=%d "
                    + "wall_s=%.1f rows_per_wall_s=%.0f task_cpu_s=%.1f rows_per_cpu_s=%.0f model_cpu_s=%.1f "
                    + "task_cpu_over_model_cpu=%.2f peak_rss_mb=%d peak_heap_mb=%d%n", master, rows, method, samples,
                    backgroundRows, partitions, seconds, rows / seconds, taskCpu, rows / taskCpu, modelCpu,
                    taskCpu / modelCpu, peakRssMb(), peakHeapMb());
        } finally {
            spark.stop();
        }
    }

    private static float[][] readTable(Path csv) {
        InputTable table = InputTable.read(csv);
        float[][] out = new float[table.rows().size()][30];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < 30; j++) {
                out[i][j] = CellValues.value(table.rows().get(i)[j + 1], table.columns().get(j + 1));
            }
        }
        return out;
    }

    /** {@code rows} rows resampled from {@code base} with noise, seeded by each row's id. */
    private static Dataset<Row> generate(SparkSession spark, float[][] base, List<String> columns, long rows,
            int partitions) {
        StructType schema = new StructType().add("id", DataTypes.LongType, false);
        for (String c : columns) {
            schema = schema.add(c, DataTypes.FloatType, false);
        }
        MapPartitionsFunction<Long, Row> make = ids -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ids.hasNext();
            }

            @Override
            public Row next() {
                long id = ids.next();
                SplittableRandom random = new SplittableRandom(id * 0x9e3779b97f4a7c15L + 1);
                float[] source = base[random.nextInt(base.length)];
                Object[] cells = new Object[source.length + 1];
                cells[0] = id;
                for (int j = 0; j < source.length; j++) {
                    cells[j + 1] = (float) (source[j] * (1 + 0.05 * gaussian(random)));
                }
                return RowFactory.create(cells);
            }
        };
        return spark.range(0, rows, 1, partitions).mapPartitions(make, Encoders.row(schema));
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    /** A model whose forward passes are timed into {@link #MODEL_NANOS}. */
    private static final class TimedModel implements Model {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final Model model;

        TimedModel(Model model) {
            this.model = model;
        }

        @Override
        public Shape inputShape() {
            return model.inputShape();
        }

        @Override
        public int outputSize() {
            return model.outputSize();
        }

        @Override
        public float[][] predict(float[][] batch) {
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                return model.predict(batch);
            } finally {
                MODEL_NANOS.add(THREADS.getCurrentThreadCpuTime() - start);
            }
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
