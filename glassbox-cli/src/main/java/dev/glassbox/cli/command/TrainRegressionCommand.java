package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.djl.uncertainty.HeteroscedasticRegressor;
import dev.glassbox.djl.zoo.MeanVarianceMlp;
import dev.glassbox.djl.zoo.RegressionTraining;
import dev.glassbox.djl.zoo.SavedRegressors;
import dev.glassbox.djl.zoo.Training;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox train regression}: mean–variance networks trained with the Gaussian NLL on the gap benchmark or the
 * diabetes data, measured on the held-out test part by the ensemble and by MC dropout, before and after σ scaling.
 */
@Command(name = "regression", mixinStandardHelpOptions = true,
        description = "Train a deep ensemble of mean-variance networks (Gaussian NLL) on the 1-D gap benchmark or the "
                + "diabetes data; report test NLL, calibration and 90% coverage before and after sigma scaling, for "
                + "the ensemble and for MC dropout.")
public final class TrainRegressionCommand implements Callable<Integer> {
    private static final Training.Settings DEFAULTS = RegressionTraining.defaults();

    @Option(names = "--data", paramLabel = "gap|diabetes", description = "The data set (default: ${DEFAULT-VALUE}).")
    public String data = "gap";

    @Option(names = "--networks", paramLabel = "N", description = "Networks in the ensemble (default: ${DEFAULT-VALUE}).")
    public int networks = 5;

    @Option(names = "--passes", paramLabel = "T", description = "MC dropout passes per network (default: ${DEFAULT-VALUE}).")
    public int passes = 30;

    @Option(names = "--no-dropout", description = "Train networks without dropout (closer aleatoric estimates; MC "
            + "dropout is then not measured).")
    public boolean noDropout;

    @Option(names = "--epochs", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    public int epochs = DEFAULTS.epochs();

    @Option(names = "--batch-size", description = "Samples per step (default: ${DEFAULT-VALUE}).")
    public int batchSize = DEFAULTS.batchSize();

    @Option(names = "--learning-rate", description = "Adam's initial learning rate (default: ${DEFAULT-VALUE}).")
    public float learningRate = DEFAULTS.learningRate();

    @Option(names = "--seed", description = "Seed of the training and of the data's split (default: ${DEFAULT-VALUE}).")
    public long seed = DEFAULTS.seed();

    @Option(names = "--out", description = "Model folder to write (default: models/regression-DATA).")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        RegressionData sets = RegressionData.of(data, seed);
        Training.Settings settings = new Training.Settings(epochs, batchSize, learningRate, seed);
        Path folder = out != null ? out : Path.of("models", "regression-" + sets.name());
        long start = System.nanoTime();
        try (ProgressBars progress = new ProgressBars();
                HeteroscedasticRegressor regressor = RegressionTraining.train(sets.train(),
                        noDropout ? MeanVarianceMlp.PLAIN_NAME : MeanVarianceMlp.NAME, settings, networks, progress)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put("dataSeed", (double) seed);
            metrics.put("trainSeconds", seconds);
            List<RegressionEvaluation.Method> methods = noDropout ? List.of(RegressionEvaluation.Method.ENSEMBLE)
                    : List.of(RegressionEvaluation.Method.values());
            for (RegressionEvaluation.Method method : methods) {
                RegressionEvaluation evaluation = RegressionEvaluation.of(regressor, sets, method, passes, seed,
                        progress);
                evaluation.metrics().forEach((k, v) -> metrics.put(method.id() + "." + k, v));
            }
            SavedRegressors.save(regressor, sets.description(), seed, epochs, metrics, folder);
            stdout.printf(Locale.ROOT, "trained %d networks on %s (%d samples) in %.0f s; saved to %s%n", networks,
                    sets.name(), sets.train().count(), seconds, folder);
            for (RegressionEvaluation.Method method : methods) {
                String m = method.id() + ".";
                stdout.printf(Locale.ROOT, "%-10s test NLL %.3f, 90%% coverage %.3f, area %.3f; after sigma scaling "
                        + "(x%.3f): NLL %.3f, 90%% coverage %.3f, area %.3f%n", method.id(), metrics.get(m + "nll"),
                        metrics.get(m + "coverage90"), metrics.get(m + "miscalibrationArea"),
                        metrics.get(m + "sigmaScale"), metrics.get(m + "recalibrated.nll"),
                        metrics.get(m + "recalibrated.coverage90"), metrics.get(m + "recalibrated.miscalibrationArea"));
                if (sets.isGapBenchmark()) {
                    stdout.printf(Locale.ROOT, "%-10s aleatoric std vs true noise outside the gap: RMSE %.4f (mean "
                            + "relative error %.1f%%); epistemic std in the gap %.3f, outside %.3f (x%.1f)%n",
                            method.id(), metrics.get(m + "aleatoricStdRmseOutsideGap"),
                            100 * metrics.get(m + "aleatoricStdMeanRelativeErrorOutsideGap"),
                            metrics.get(m + "epistemicStdInGap"), metrics.get(m + "epistemicStdOutsideGap"),
                            metrics.get(m + "epistemicGapRatio"));
                }
            }
        }
        return 0;
    }
}
