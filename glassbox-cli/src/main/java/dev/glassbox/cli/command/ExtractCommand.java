package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.privacy.ModelExtraction;
import dev.glassbox.core.privacy.ReluReconstruction;
import dev.glassbox.core.privacy.TwoLayerNet;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.privacy.ImageExtraction;
import dev.glassbox.djl.zoo.Architectures;
import dev.glassbox.djl.zoo.SmallFashionCnn;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox extract}: the model-extraction experiment of Milli et al. 2019 on a two-layer ReLU network over
 * tabular inputs, or on an image classifier given with {@code --model}: agreement of the attacker's copy with the target on held-out inputs against the number of queries,
 * from scores alone, from scores and gradient explanations, and with noise added to the released gradients; for the
 * tabular target answered with scores, also Milli et al.'s reconstruction ({@link ReluReconstruction}).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Model extraction from explanations: how many queries an attacker needs to copy a two-layer ReLU "
                + "network from its scores, and from its scores and gradients (Milli et al. 2019); with scores, also "
                + "the queries its reconstruction from exact gradients needs.")
public final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--inputs", description = "Input features of the target (default: ${DEFAULT-VALUE}).")
    public int inputs = 10;

    @Option(names = "--hidden", description = "Hidden ReLU units of the target and the copy (default: ${DEFAULT-VALUE}).")
    public int hidden = 20;

    @Option(names = "--classes", description = "Output classes (default: ${DEFAULT-VALUE}).")
    public int classes = 3;

    @Option(names = "--answers", paramLabel = "labels|scores",
            description = "What a prediction query returns: the class, or every score (logits; default: ${DEFAULT-VALUE}).")
    public String answerKind = "scores";

    @Option(names = "--queries", split = ",", description = "Query counts to try (default: ${DEFAULT-VALUE}).")
    public int[] queries = {10, 20, 50, 100, 200, 500, 1000, 2000};

    @Option(names = "--noise", split = ",",
            description = "Defence: Gaussian noise on released gradients, in units of ‖g‖/√d (default: ${DEFAULT-VALUE}).")
    public double[] noise = {0.5, 1, 2};

    @Option(names = "--held-out", description = "Held-out inputs agreement is measured on (default: ${DEFAULT-VALUE}).")
    public int heldOut = 5000;

    @Option(names = "--iterations", description = "Adam steps of the copy (default: ${DEFAULT-VALUE}).")
    public int iterations = 2000;

    @Option(names = "--restarts", description = "Copies of the tabular target fitted from different initial weights; "
            + "the attacker keeps the one with the lowest loss on its own queries (default: ${DEFAULT-VALUE}).")
    public int restarts = 1;

    @Option(names = "--seed", description = "Seed of the target, the queries and the copy (default: ${DEFAULT-VALUE}).")
    public long seed = 0;

    @Option(names = "--model", paramLabel = "M", description = "Copy this Fashion-MNIST image classifier instead (a "
            + "glassbox model folder, TorchScript or ONNX file): queries are training images, held-out images are "
            + "test images, explanations are its saliency maps.")
    public Path model;

    @Option(names = "--data", description = "Fashion-MNIST folder for --model (default: ${DEFAULT-VALUE}).")
    public Path data = FashionMnist.defaultDirectory();

    @Option(names = "--copy-architecture", paramLabel = "NAME",
            description = "The architecture of the copy of --model (default: ${DEFAULT-VALUE}).")
    public String copyArchitecture = SmallFashionCnn.NAME;

    @Option(names = "--learning-rate", paramLabel = "R",
            description = "Adam's rate for the copy (default: 0.01 for the tabular target, 0.005 for --model).")
    public Double learningRate;

    @Option(names = "--explanation-weight", paramLabel = "W", description = "Weight of the explanation term against "
            + "the score term when copying --model (default: ${DEFAULT-VALUE}).")
    public double explanationWeight = 1;

    @Option(names = "--out", required = true, description = "Folder to write extraction.json to.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (heldOut < 1 || Arrays.stream(queries).anyMatch(q -> q < 1) || Arrays.stream(noise).anyMatch(s -> !(s >= 0))) {
            throw new InvalidInputException("--held-out and every --queries must be ≥ 1 and every --noise ≥ 0");
        }
        if (model != null) {
            return images();
        }
        TwoLayerNet target;
        ModelExtraction attack;
        ModelExtraction.Answers answers = switch (answerKind.toLowerCase(Locale.ROOT)) {
            case "labels" -> ModelExtraction.Answers.LABELS;
            case "scores" -> ModelExtraction.Answers.SCORES;
            default -> throw new InvalidInputException("--answers takes labels or scores, got '" + answerKind + "'");
        };
        try {
            target = TwoLayerNet.random(inputs, hidden, classes, seed);
            attack = new ModelExtraction(answers, hidden, iterations, 128, learningRate == null ? 0.01 : learningRate,
                    seed + 100, restarts);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        double[][] held = ModelExtraction.gaussianInputs(heldOut, inputs, seed + 200);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("answers", answers.name().toLowerCase(Locale.ROOT));
        settings.put("inputs", inputs);
        settings.put("hidden", hidden);
        settings.put("classes", classes);
        settings.put("heldOut", heldOut);
        settings.put("iterations", iterations);
        settings.put("restarts", restarts);
        settings.put("seed", seed);
        Map<String, Object> reconstruction = null;
        if (answers == ModelExtraction.Answers.SCORES) {
            ReluReconstruction.Result r = new ReluReconstruction(RECONSTRUCTION_RANGE, RECONSTRUCTION_QUERIES,
                    seed + 300).reconstruct(target);
            reconstruction = new LinkedHashMap<>();
            reconstruction.put("method", "Milli et al. 2019: breaks along a line from scores and exact gradients, "
                    + "output layer by least squares");
            reconstruction.put("range", RECONSTRUCTION_RANGE);
            reconstruction.put("queries", r.queries());
            reconstruction.put("unitsFound", r.units());
            reconstruction.put("agreement", ModelExtraction.agreement(target, r.copy(), held));
        }
        return run(answers.name().toLowerCase(Locale.ROOT), "two-layer ReLU network, He-initialised from the seed; "
                + "inputs standard normal", settings, reconstruction,
                (q, gradients, s) -> attack.attack(target, q, gradients, s, held));
    }

    /** The searched segment of the reconstruction, t ∈ [−range, range] along a unit direction. */
    private static final double RECONSTRUCTION_RANGE = 1e4;

    /** The most queries the reconstruction may make. */
    private static final int RECONSTRUCTION_QUERIES = 10_000;

    /** One attack: {@code queries} queries, with gradient explanations or not, noised by {@code noise}. */
    @FunctionalInterface
    private interface Attack {
        ModelExtraction.Result run(int queries, boolean gradients, double noise);
    }

    /** The experiment on the image classifier --model. */
    private int images() {
        int most = Arrays.stream(queries).max().orElse(1);
        LabelledImages train = FashionMnist.train(data);
        LabelledImages test = FashionMnist.test(data);
        if (most > train.count() || heldOut > test.count()) {
            throw new InvalidInputException("at most " + train.count() + " queries and " + test.count()
                    + " held-out images, got " + most + " and " + heldOut);
        }
        float[][] pool = ImageRows.of(train.slice(0, most));
        float[][] held = ImageRows.of(test.slice(0, heldOut));
        ImageExtraction.Settings settings;
        try {
            Architectures.build(copyArchitecture);  // an unknown name fails here, before the target is loaded
            settings = new ImageExtraction.Settings(() -> Architectures.build(copyArchitecture), iterations, 64,
                    learningRate == null ? 5e-3f : learningRate.floatValue(), explanationWeight, seed + 100);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("answers", "scores");
        described.put("copyArchitecture", copyArchitecture);
        described.put("explanationWeight", explanationWeight);
        described.put("heldOut", heldOut);
        described.put("iterations", iterations);
        described.put("learningRate", settings.learningRate());
        described.put("seed", seed);
        try (DifferentiableModel target = Models.loadDifferentiable(model, new ModelOptions(Shape.of(1, 28, 28),
                FashionMnist.CLASS_NAMES, ModelOptions.DEFAULT_BATCH)); ProgressBars progress = new ProgressBars()) {
            return run("scores", model + " on Fashion-MNIST; queries: the first training images; held out: the first "
                    + "test images; explanations: saliency of the predicted class", described, null,
                    (q, gradients, s) -> ImageExtraction.attack(target, pool, q, gradients, s, held, settings,
                            progress));
        }
    }

    /**
     * Runs every attack the options ask for, prints the table (and the reconstruction's line, when there is one) and
     * writes {@code extraction.json}.
     */
    private int run(String answers, String targetDescription, Map<String, Object> settings,
            Map<String, Object> reconstruction, Attack attack) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%8s %10s %10s%s%n", "queries", answers,
                "+gradients",
                Arrays.stream(noise).mapToObj(s -> String.format(Locale.ROOT, " %16s", "noise " + s + " (cos)"))
                        .reduce("", String::concat));
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ProgressBars progress = new ProgressBars(); AtomicDirectory output = AtomicDirectory.open(out)) {
            int done = 0;
            for (int q : queries) {
                List<ModelExtraction.Result> results = new ArrayList<>();
                results.add(attack.run(q, false, 0));
                results.add(attack.run(q, true, 0));
                for (double s : noise) {
                    results.add(attack.run(q, true, s));
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%8d %9.1f%% %9.1f%%", q,
                        100 * results.get(0).agreement(), 100 * results.get(1).agreement()));
                for (ModelExtraction.Result r : results.subList(2, results.size())) {
                    line.append(String.format(Locale.ROOT, " %9.1f%% (%.2f)", 100 * r.agreement(),
                            r.explanationCosine()));
                }
                stdout.println(line);
                for (ModelExtraction.Result r : results) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("queries", r.queries());
                    row.put("gradients", r.gradients());
                    if (r.gradients()) {
                        row.put("noise", r.noise());
                        row.put("explanationCosine", r.explanationCosine());
                    }
                    row.put("agreement", r.agreement());
                    rows.add(row);
                }
                progress.update("extraction", ++done, queries.length);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("target", targetDescription);
            doc.put("settings", settings);
            doc.put("results", rows);
            if (reconstruction != null) {
                doc.put("reconstruction", reconstruction);
                stdout.printf(Locale.ROOT, "reconstruction from scores and gradients (Milli et al.): %d queries, "
                        + "%d of %d units found, %.1f%% agreement%n", reconstruction.get("queries"),
                        reconstruction.get("unitsFound"), hidden, 100 * (double) reconstruction.get("agreement"));
            }
            Files.writeString(output.path().resolve("extraction.json"), StableJson.toJson(doc));
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stdout.printf("agreement of the copy with the target on %d held-out inputs never queried: %s%n", heldOut,
                out.resolve("extraction.json"));
        return 0;
    }
}
