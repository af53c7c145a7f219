package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.privacy.ModelExtraction;
import dev.glassbox.core.privacy.TwoLayerNet;
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
 * tabular inputs: agreement of the attacker's copy with the target on held-out inputs against the number of queries,
 * from scores alone, from scores and gradient explanations, and with noise added to the released gradients.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Model extraction from explanations: how many queries an attacker needs to copy a two-layer ReLU "
                + "network from its scores, and from its scores and gradients (Milli et al. 2019).")
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

    @Option(names = "--seed", description = "Seed of the target, the queries and the copy (default: ${DEFAULT-VALUE}).")
    public long seed = 0;

    @Option(names = "--out", required = true, description = "Folder to write extraction.json to.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (heldOut < 1 || Arrays.stream(queries).anyMatch(q -> q < 1) || Arrays.stream(noise).anyMatch(s -> !(s >= 0))) {
            throw new InvalidInputException("--held-out and every --queries must be ≥ 1 and every --noise ≥ 0");
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
            attack = new ModelExtraction(answers, hidden, iterations, 128, 0.01, seed + 100);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        double[][] held = ModelExtraction.gaussianInputs(heldOut, inputs, seed + 200);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%8s %10s %10s%s%n", "queries", answers.name().toLowerCase(Locale.ROOT),
                "+gradients",
                Arrays.stream(noise).mapToObj(s -> String.format(Locale.ROOT, " %16s", "noise " + s + " (cos)"))
                        .reduce("", String::concat));
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ProgressBars progress = new ProgressBars(); AtomicDirectory output = AtomicDirectory.open(out)) {
            int done = 0;
            for (int q : queries) {
                List<ModelExtraction.Result> results = new ArrayList<>();
                results.add(attack.attack(target, q, false, 0, held));
                results.add(attack.attack(target, q, true, 0, held));
                for (double s : noise) {
                    results.add(attack.attack(target, q, true, s, held));
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
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("answers", answers.name().toLowerCase(Locale.ROOT));
            settings.put("inputs", inputs);
            settings.put("hidden", hidden);
            settings.put("classes", classes);
            settings.put("heldOut", heldOut);
            settings.put("iterations", iterations);
            settings.put("seed", seed);
            doc.put("target", "two-layer ReLU network, He-initialised from the seed; inputs standard normal");
            doc.put("settings", settings);
            doc.put("results", rows);
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
