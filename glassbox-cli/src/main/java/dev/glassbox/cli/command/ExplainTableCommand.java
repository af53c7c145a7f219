package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.CsvReader;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.spark.table.LocalTableJob;
import dev.glassbox.spark.table.TableJob;
import dev.glassbox.spark.table.TableMethod;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox explain-table}: attributions of every row of a CSV or Parquet table, written as {@code
 * attributions.parquet} (and {@code attributions.csv}), with {@code summary.html} and the summary plots. Without {@code
 * --spark} it runs on this machine and touches no Spark class; with {@code --spark MASTER} the same rows are explained
 * on Spark, with the same numbers.
 */
@Command(name = "explain-table", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Explain every row of a table (CSV or Parquet), on this machine or on Spark: "
                + "attributions.parquet, summary.html and summary plots.")
public final class ExplainTableCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "M",
            description = "A TorchScript .pt file, an .onnx file or a glassbox model folder, at a path every Spark "
                    + "executor can read (or shipped with the job: --ship-model).")
    public Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The rows: a .csv file with a header row, or a .parquet file (a folder of part files with --spark).")
    public Path input;

    @Option(names = "--method", required = true, paramLabel = "M",
            description = "Any method of `glassbox explain`'s list that the model supports: ablation, kernel-shap, lime, "
                    + "shapley-sampling, shapley-exact, occlusion, ... (any model); ig, saliency, ixg, smoothgrad, ... "
                    + "(models with gradients).")
    public String method;

    @Option(names = "--background", paramLabel = "FILE",
            description = "A CSV of rows (same feature columns, header row) that masked features take their values from; "
                    + "keep it small (10–100 rows): each row's cost grows with it. Without it masked features are 0.")
    public Path background;

    @Option(names = "--kmeans", paramLabel = "K", description = "Summarise --background to K weighted k-means "
            + "centres, once before any row (seeded by --seed), as shap.kmeans does: each row's cost shrinks with it.")
    public Integer kmeans;

    @Option(names = "--samples", description = "Coalitions (kernel-shap), LIME samples, permutations or IG steps; "
            + "0 for the method's default (default: ${DEFAULT-VALUE}).")
    public int samples;

    @Option(names = "--seed", description = "The job seed; each row's seed derives from it and the row's key "
            + "(default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--key", paramLabel = "COLUMN",
            description = "The column holding each row's stable key (default: the row's 0-based position in the file).")
    public String key;

    @Option(names = "--features", split = ",", paramLabel = "C1,C2,...",
            description = "The feature columns in the model's order (default: every column but the key).")
    public List<String> features;

    @Option(names = "--target", paramLabel = "pred|N", description = "Which output to explain (default: ${DEFAULT-VALUE}).")
    public String target = "pred";

    @Option(names = "--probabilities", description = "Explain softmax probabilities instead of raw scores.")
    public boolean probabilities;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run on Spark: local[N], local[*] or spark://HOST:PORT (default: this machine, without Spark).")
    public String spark;

    @Option(names = "--partitions", description = "With --spark, repartition the rows into N partitions (default: as read).")
    public int partitions;

    @Option(names = "--ship-model", description = "With --spark, send the model file or folder to the executors "
            + "with the job (a broadcast of its bytes) instead of reading it from a path they all share.")
    public boolean shipModel;

    @Option(names = "--csv", description = "Also write attributions.csv: the key, one column per feature, the error.")
    public boolean csv;

    @Option(names = "--fail-on-error", description = "Stop at the first row that cannot be explained, naming its key "
            + "(default: report it in the error column and go on).")
    public boolean failOnError;

    @Option(names = "--max-dots", description = "About how many rows the beeswarm and dependence plots draw "
            + "(default: ${DEFAULT-VALUE}).")
    public int maxDots = 1000;

    @Option(names = "--batch-size", description = "Rows per engine call (default: ${DEFAULT-VALUE}).")
    public int batchSize = ModelOptions.DEFAULT_BATCH;

    @Option(names = "--out", required = true, description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (kmeans != null && background == null) {
            throw new InvalidInputException("--kmeans summarises the background: give --background FILE too");
        }
        float[][] rows = background == null ? new float[0][] : CsvReader.read(background).rows();
        TableMethod how = kmeans == null ? new TableMethod(method, samples, rows, probabilities)
                : TableMethod.summarised(method, samples, rows, kmeans, seed, probabilities);
        TableJob job = new TableJob(model.toString(), how, seed, key, features, target, failOnError, batchSize, maxDots,
                csv);
        if (partitions < 0 || partitions > 0 && spark == null) {
            throw new InvalidInputException("--partitions takes a positive number, with --spark");
        }
        if (shipModel && spark == null) {
            throw new InvalidInputException("--ship-model sends the model to Spark executors: give --spark too");
        }
        LocalTableJob.Outcome outcome;
        try (AtomicDirectory output = AtomicDirectory.open(out); ProgressBars progress = new ProgressBars()) {
            outcome = spark == null ? LocalTableJob.run(job, input, output.path(), progress)
                    : SparkRun.run(job, input, output.path(), spark, partitions, shipModel);
            output.commit();
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "explained %,d row(s) (%,d with errors) with %s: %s%n",
                outcome.rows(), outcome.failed(), job.method().name(), out.resolve("summary.html"));
        return 0;
    }

    /** The Spark path, in its own class so that a run without --spark loads no Spark class. */
    private static final class SparkRun {
        static LocalTableJob.Outcome run(TableJob job, Path input, Path out, String master, int partitions,
                boolean shipModel) {
            return dev.glassbox.spark.SparkTableJob.run(job, input, out, master, partitions, shipModel);
        }
    }
}
