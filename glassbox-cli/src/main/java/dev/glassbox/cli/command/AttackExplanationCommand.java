package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.catalogue.MethodSettings;
import dev.glassbox.core.input.NpyReader;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.Heatmap;
import dev.glassbox.djl.robust.InputBounds;
import dev.glassbox.djl.robust.explanation.ExplanationAttack;
import dev.glassbox.djl.robust.explanation.ExplanationAttackResult;
import dev.glassbox.djl.robust.explanation.MapGoal;
import dev.glassbox.djl.robust.explanation.SoftplusSurrogate;
import dev.glassbox.djl.robust.explanation.SurrogateMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox attack-explanation}: for each input and explanation method, a perturbation of L∞ size ε that keeps
 * the prediction but moves the map (its top-k region, or towards a target map), against a random sign perturbation
 * of the same size; the perturbed inputs, the maps before and after, and {@code attack-explanation.json}.
 */
@Command(name = "attack-explanation", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Move an explanation map with a small perturbation that keeps the prediction (Ghorbani et al. "
                + "2019's top-k attack, or Dombrowski et al. 2019's towards a target map), against random signs.")
public final class AttackExplanationCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Mixin
    public InputArguments input;

    @Option(names = "--explain", required = true, split = ",", paramLabel = "saliency|ig|smoothgrad",
            description = "The explanation methods attacked (any gradient method of the catalogue).")
    public List<String> methods;

    @Option(names = "--epsilon", required = true, paramLabel = "E", description = "The radius ε of the L∞ ball.")
    public double epsilon;

    @Option(names = "--steps", paramLabel = "N", description = "Attack steps (default: ${DEFAULT-VALUE}).")
    public int steps = 20;

    @Option(names = "--step-size", paramLabel = "A", description = "The step α (default: 2.5 ε / steps).")
    public Double stepSize;

    @Option(names = "--top-k-share", paramLabel = "S",
            description = "The share of features in the top-k region (default: ${DEFAULT-VALUE}).")
    public double topKShare = 0.1;

    @Option(names = "--target-map", paramLabel = "F.npy",
            description = "Move every map towards this map (shaped like the input) instead of away from its top-k.")
    public Path targetMap;

    @Option(names = "--output-weight", paramLabel = "G",
            description = "Weight γ of ‖p − p₀‖² in the targeted attack's loss (default: ${DEFAULT-VALUE}).")
    public double outputWeight = 1;

    @Option(names = "--samples", paramLabel = "S",
            description = "Antithetic pairs of the smoothed gradient estimate per step (default: ${DEFAULT-VALUE}).")
    public int samples = 16;

    @Option(names = "--sigma", paramLabel = "σ", description = "Smoothing radius of the gradient estimate (default: ε/2).")
    public Double sigma;

    @Option(names = "--surrogate-beta", paramLabel = "B", description = "White-box attack: step along the exact "
            + "gradient of the map's loss on the model with every ReLU replaced by softplus of sharpness B (double "
            + "backward; saliency, ixg, ig and smoothgrad of models whose graph glassbox holds). Default: the smoothed estimate.")
    public Double surrogateBeta;

    @Option(names = "--ig-steps", paramLabel = "N",
            description = "Integrated Gradients' path points (default: ${DEFAULT-VALUE}).")
    public int igSteps = 8;

    @Option(names = "--smoothgrad-samples", paramLabel = "N",
            description = "SmoothGrad's noisy copies (default: ${DEFAULT-VALUE}).")
    public int smoothGradSamples = 16;

    @Option(names = "--bounds", paramLabel = "LOW,HIGH", description = "Keep perturbed inputs in this box, e.g. 0,1.")
    public String bounds;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the directions, SmoothGrad's noise and the "
            + "random baseline (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InputBounds box = bounds == null ? InputBounds.NONE : InputBounds.parse(bounds);
        if (igSteps < 1 || smoothGradSamples < 1) {
            throw new InvalidInputException("--ig-steps and --smoothgrad-samples must be at least 1");
        }
        List<Sample> samplesRead = new ArrayList<>();
        try (Model loaded = ModelLoading.loadWithInputs(model, input, samplesRead);
                AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            float[][] rows = InputArguments.rows(samplesRead);
            MapGoal goal = targetMap == null ? MapGoal.topKShare(topKShare)
                    : MapGoal.towards(targetMap(loaded.inputShape()), outputWeight);
            MethodSettings settings = MethodSettings.builder().seed(seed).steps(igSteps).samples(smoothGradSamples)
                    .absolute(true).build();
            Map<String, ExplanationAttack> attacks = new LinkedHashMap<>();
            for (String method : methods) {
                Explainer explainer = AttributionMethods.CATALOGUE.require(method.trim()).create(loaded, settings);
                ExplanationAttack.Builder builder = ExplanationAttack.of(loaded, explainer).name(method.trim())
                        .epsilon(epsilon).steps(steps).samples(samples).topKShare(topKShare).goal(goal).bounds(box)
                        .seed(seed).progress(progress);
                if (stepSize != null) {
                    builder.stepSize(stepSize);
                }
                if (sigma != null) {
                    builder.sigma(sigma);
                }
                if (surrogateBeta != null) {
                    builder.surrogate(SoftplusSurrogate.of(loaded, surrogateBeta),
                            SurrogateMap.of(method, settings));
                }
                attacks.put(method.trim(), builder.build());
            }
            List<Map<String, Object>> perInput = new ArrayList<>();
            for (Sample sample : samplesRead) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("input", sample.name());
                entry.put("methods", new LinkedHashMap<String, Object>());
                perInput.add(entry);
            }
            StringBuilder summary = new StringBuilder();
            for (Map.Entry<String, ExplanationAttack> attack : attacks.entrySet()) {
                List<ExplanationAttackResult> attacked = attack.getValue().attack(rows);
                List<ExplanationAttackResult> random = attack.getValue().randomSigns(rows);
                double meanAttacked = 0;
                double meanRandom = 0;
                for (int i = 0; i < rows.length; i++) {
                    Sample sample = samplesRead.get(i);
                    String stem = OutputStems.stem(sample.name()) + "." + attack.getKey();
                    write(output.path(), stem, sample, attacked.get(i));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> byMethod = (Map<String, Object>) perInput.get(i).get("methods");
                    byMethod.put(attack.getKey(), result(loaded, stem, attacked.get(i), random.get(i)));
                    meanAttacked += attacked.get(i).shift().topKIntersection() / rows.length;
                    meanRandom += random.get(i).shift().topKIntersection() / rows.length;
                }
                summary.append(String.format(Locale.ROOT, "%s: mean top-k intersection %.3f after the attack, %.3f "
                        + "after random signs%n", attack.getKey(), meanAttacked, meanRandom));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model.model.toString());
            doc.put("attack", settings(attacks.values().iterator().next(), loaded.inputShape().size(), box));
            doc.put("results", perInput);
            Files.writeString(output.path().resolve("attack-explanation.json"), StableJson.toJson(doc));
            output.commit();
            spec.commandLine().getOut().print(summary);
            spec.commandLine().getOut().println("wrote " + out.resolve("attack-explanation.json"));
        }
        return 0;
    }

    private float[] targetMap(Shape shape) {
        List<Sample> maps = NpyReader.samples(targetMap, shape);
        if (maps.size() != 1) {
            throw new InvalidInputException("--target-map " + targetMap + " holds " + maps.size()
                    + " maps: give one map shaped like the input " + shape);
        }
        return maps.get(0).values();
    }

    private Map<String, Object> settings(ExplanationAttack attack, int features, InputBounds box) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("goal", targetMap == null ? "top-k" : "target-map");
        out.put("epsilon", epsilon);
        out.put("norm", "linf");
        out.put("steps", steps);
        out.put("stepSize", attack.stepSize());
        if (surrogateBeta != null) {
            out.put("gradient", "softplus surrogate");
            out.put("surrogateBeta", surrogateBeta);
        } else {
            out.put("gradient", "smoothed estimate");
            out.put("samples", samples);
            out.put("sigma", attack.sigma());
        }
        out.put("topKShare", topKShare);
        out.put("topK", attack.topK(features));
        if (targetMap != null) {
            out.put("targetMap", targetMap.toString());
            out.put("outputWeight", outputWeight);
        }
        out.put("igSteps", igSteps);
        out.put("smoothGradSamples", smoothGradSamples);
        if (bounds != null) {
            out.put("bounds", new double[] {box.lower(), box.upper()});
        }
        out.put("seed", seed);
        return out;
    }

    private static Map<String, Object> result(Model model, String stem, ExplanationAttackResult attacked,
            ExplanationAttackResult random) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", stem + ".npy");
        out.put("before", prediction(model, attacked.classBefore(), attacked.probabilityBefore()));
        out.put("after", prediction(model, attacked.classAfter(), attacked.probabilityAfter()));
        out.put("topKIntersectionBefore", 1.0);
        out.put("topKIntersection", attacked.shift().topKIntersection());
        out.put("spearman", attacked.shift().spearman());
        out.put("lossBefore", attacked.lossBefore());
        out.put("lossAfter", attacked.lossAfter());
        out.put("acceptedSteps", attacked.acceptedSteps());
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("topKIntersection", random.shift().topKIntersection());
        baseline.put("spearman", random.shift().spearman());
        baseline.put("lossAfter", random.lossAfter());
        baseline.put("after", prediction(model, random.classAfter(), random.probabilityAfter()));
        out.put("randomSigns", baseline);
        return out;
    }

    private static Map<String, Object> prediction(Model model, int k, double probability) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class", k);
        out.put("label", model.outputNames().get(k));
        out.put("probability", probability);
        return out;
    }

    /** The perturbed input ({@code .npy}, its PNG and the perturbation's), and the maps before and after. */
    private static void write(Path dir, String stem, Sample sample, ExplanationAttackResult result)
            throws IOException {
        AttackCommand.write(dir, stem, sample.shape(), sample.values(), result.perturbed());
        if (!AttackCommand.isImage(sample.shape())) {
            return;
        }
        Files.write(dir.resolve(stem + ".map.png"), Heatmap.png(result.originalMap(), sample.shape(),
                sample.values(), Heatmap.Style.of(result.originalMap())));
        Files.write(dir.resolve(stem + ".attacked-map.png"), Heatmap.png(result.map(), sample.shape(),
                result.perturbed(), Heatmap.Style.of(result.map())));
    }
}
