package dev.glassbox.cli.command;

import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.interpretable.NearestExamples;
import dev.glassbox.djl.interpretable.SparseLinearSurrogate;
import dev.glassbox.djl.interpretable.GlobalSurrogate;
import dev.glassbox.djl.interpretable.TreeSurrogate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox surrogate}: readable global surrogates of a Fashion-MNIST model and their fidelity. */
@Command(name = "surrogate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a decision tree (Tribuo CART) and a sparse linear model (LARS-lasso on the class scores) "
                + "to a model's predictions on Fashion-MNIST training images, on the pixels or on a layer's features, "
                + "and report their fidelity (agreement with the model) on test images they were not fitted on.")
public final class SurrogateCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Option(names = "--layer", description = "Fit on this layer's features instead of the pixels.")
    public String layer;

    @Option(names = "--data", description = "Folder with the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    public Path data = FashionMnist.defaultDirectory();

    @Option(names = "--fit", description = "Training images to fit on, from the first (default: ${DEFAULT-VALUE}).")
    public int fit = 2000;

    @Option(names = "--held-out", description = "Test images to measure fidelity on, from the first (default: ${DEFAULT-VALUE}).")
    public int heldOut = 2000;

    @Option(names = "--depth", description = "The tree's largest depth (default: ${DEFAULT-VALUE}).")
    public int depth = 8;

    @Option(names = "--weights", description = "Non-zero weights per class of the linear model (default: ${DEFAULT-VALUE}).")
    public int weights = 10;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the numbers to this JSON file.")
    public Path json;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TribuoLogging.quiet();
        LabelledImages train = FashionMnist.train(data);
        LabelledImages test = FashionMnist.test(data);
        if (fit < 2 || fit > train.count() || heldOut < 1 || heldOut > test.count()) {
            throw new InvalidInputException("--fit must be between 2 and " + train.count() + " and --held-out between 1 "
                    + "and " + test.count() + ", got " + fit + " and " + heldOut);
        }
        try (Model loaded = model.load(train.shape())) {
            float[][] fitRows = ImageRows.of(train.slice(0, fit));
            float[][] heldOutRows = ImageRows.of(test.slice(0, heldOut));
            float[][] fitScores = loaded.predict(fitRows);
            int[] fitClasses = NearestExamples.predictions(fitScores);
            int[] heldOutClasses = NearestExamples.predictions(loaded.predict(heldOutRows));
            float[][] fitFeatures = features(loaded, fitRows);
            float[][] heldOutFeatures = features(loaded, heldOutRows);
            Map<String, GlobalSurrogate> surrogates = new LinkedHashMap<>();
            surrogates.put("tree", TreeSurrogate.fit(fitFeatures, fitClasses, depth));
            surrogates.put("sparse-linear", SparseLinearSurrogate.fit(fitFeatures, fitScores, weights));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("features", layer == null ? "pixels" : layer);
            out.put("fitImages", fit);
            out.put("heldOutImages", heldOut);
            for (Map.Entry<String, GlobalSurrogate> entry : surrogates.entrySet()) {
                GlobalSurrogate surrogate = entry.getValue();
                double fitted = surrogate.fidelity(fitFeatures, fitClasses);
                double held = surrogate.fidelity(heldOutFeatures, heldOutClasses);
                Map<String, Object> numbers = new LinkedHashMap<>();
                numbers.put("size", surrogate.size());
                numbers.put("fidelityFitted", fitted);
                numbers.put("fidelityHeldOut", held);
                out.put(entry.getKey(), numbers);
                spec.commandLine().getOut().printf("%s on %s (size %d): fidelity %.1f%% on its %d fit images, %.1f%% "
                        + "on %d held-out test images%n", entry.getKey(), layer == null ? "pixels" : layer,
                        surrogate.size(), 100 * fitted, fit, 100 * held, heldOut);
            }
            if (json != null) {
                Files.writeString(json, StableJson.toJson(out));
            }
        }
        return 0;
    }

    private float[][] features(Model loaded, float[][] rows) {
        if (layer == null) {
            return rows;
        }
        if (!(loaded instanceof LayeredModel layered)) {
            throw new InvalidInputException("--layer needs a model whose layers can be read (a glassbox model folder "
                    + "or a split TorchScript model)");
        }
        return NearestExamples.features(layered, layer, rows);
    }
}
