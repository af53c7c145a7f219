package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.uncertainty.HeteroscedasticRegressor;
import dev.glassbox.djl.zoo.SavedRegressors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox regression-uncertainty}: a saved mean–variance regressor's uncertainty on its data set's test part
 * (ensemble or MC dropout), with calibration before and after σ scaling, written as {@code uncertainty.json},
 * {@code calibration.png} and, on the gap benchmark, {@code stds.png} and {@code bands.png}.
 */
@Command(name = "regression-uncertainty", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure a regressor trained by 'glassbox train regression': test NLL, calibration curve, "
                + "miscalibration area, sharpness and 90% coverage before and after sigma scaling; on the gap "
                + "benchmark, aleatoric against the true noise and epistemic in the gap.")
public final class RegressionUncertaintyCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A folder written by glassbox "
            + "train regression.")
    public Path model;

    @Option(names = "--data", paramLabel = "gap|diabetes", required = true, description = "The data set it was "
            + "trained on.")
    public String data;

    @Option(names = "--method", paramLabel = "ensemble|mc-dropout",
            description = "How uncertainty is sampled (default: ${DEFAULT-VALUE}).")
    public String method = "ensemble";

    @Option(names = "--passes", paramLabel = "T", description = "MC dropout passes per network (default: ${DEFAULT-VALUE}).")
    public int passes = 30;

    @Option(names = "--seed", description = "MC dropout's seed (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    public Path out = Path.of("glassbox-regression");

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RegressionEvaluation.Method chosen = RegressionEvaluation.Method.of(method);
        if (!Files.isDirectory(model)) {
            throw new InvalidInputException("--model " + model + " is not a folder");
        }
        Map<String, Double> saved = SavedRegressors.metrics(model);
        Double dataSeed = saved.get("dataSeed");
        if (dataSeed == null) {
            throw new InvalidInputException(model + " records no data seed: train it with glassbox train regression");
        }
        RegressionData sets = RegressionData.of(data, dataSeed.longValue());
        try (ProgressBars progress = new ProgressBars();
                HeteroscedasticRegressor regressor = SavedRegressors.load(model, ModelOptions.DEFAULT_BATCH);
                AtomicDirectory output = AtomicDirectory.open(out)) {
            RegressionEvaluation evaluation = RegressionEvaluation.of(regressor, sets, chosen, passes, seed, progress);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model.toString());
            json.put("data", sets.description());
            json.put("method", chosen.id());
            json.put("networks", regressor.members().size());
            if (chosen == RegressionEvaluation.Method.MC_DROPOUT) {
                json.put("passes", passes);
                json.put("seed", seed);
            }
            json.put("metrics", evaluation.metrics());
            Files.writeString(output.path().resolve("uncertainty.json"), StableJson.toJson(json) + "\n",
                    StandardCharsets.UTF_8);
            for (Map.Entry<String, byte[]> picture : evaluation.pictures().entrySet()) {
                Files.write(output.path().resolve(picture.getKey()), picture.getValue());
            }
            output.commit();
            Map<String, Double> m = evaluation.metrics();
            spec.commandLine().getOut().printf(Locale.ROOT, "%s on %s: test NLL %.3f, 90%% coverage %.3f; after sigma "
                    + "scaling (x%.3f) NLL %.3f, 90%% coverage %.3f; wrote %s%n", chosen.id(), sets.name(), m.get("nll"),
                    m.get("coverage90"), m.get("sigmaScale"), m.get("recalibrated.nll"),
                    m.get("recalibrated.coverage90"), out);
        }
        return 0;
    }
}
