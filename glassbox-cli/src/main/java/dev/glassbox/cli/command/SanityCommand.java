package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.report.DataRandomisationSection;
import dev.glassbox.cli.report.FaithfulnessSection;
import dev.glassbox.cli.report.LocalisationSection;
import dev.glassbox.cli.report.PatchSection;
import dev.glassbox.cli.report.RandomisationSection;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.faithfulness.FaithfulnessCheck;
import dev.glassbox.core.faithfulness.FaithfulnessResult;
import dev.glassbox.core.faithfulness.Infidelity;
import dev.glassbox.core.faithfulness.MaxSensitivity;
import dev.glassbox.core.faithfulness.PerturbationCurves;
import dev.glassbox.core.input.Patch;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.metrics.BoundingBox;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.sanity.RandomisationCheck;
import dev.glassbox.djl.sanity.RandomisationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox sanity}: can the explanations be trusted? Model-parameter randomisation (cascading or independent)
 * with a grid of heatmaps and similarity charts, faithfulness against a random baseline, and optionally data
 * randomisation (a model trained on permuted labels) and a planted-patch check; {@code index.html},
 * {@code sanity.json} and the charts as PNG.
 */
@Command(name = "sanity", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check explanations: parameter randomisation, faithfulness, data randomisation, a planted cue.")
public final class SanityCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Mixin
    public InputArguments input;

    @Option(names = "--method", required = true, split = ",", paramLabel = "M",
            description = "Methods, comma separated (as for explain).")
    public List<String> methods;

    @ArgGroup(exclusive = true)
    public Randomisation randomisation = new Randomisation();

    @Option(names = "--layers", split = ",", paramLabel = "L",
            description = "Layers to randomise, in order (default: every layer with parameters, from the top down).")
    public List<String> layers;

    @Option(names = "--curve-steps",
            description = "Steps of the deletion and insertion curves (default: ${DEFAULT-VALUE}).")
    public int curveSteps = 50;

    @Option(names = "--infidelity-samples",
            description = "Perturbations per input for infidelity (default: ${DEFAULT-VALUE}).")
    public int infidelitySamples = 50;

    @Option(names = "--infidelity-sigma",
            description = "Standard deviation of the infidelity perturbations (default: ${DEFAULT-VALUE}).")
    public double infidelitySigma = 0.01;

    @Option(names = "--sensitivity-samples",
            description = "Perturbations per input for max-sensitivity, 0 to skip it (default: ${DEFAULT-VALUE}).")
    public int sensitivitySamples = 10;

    @Option(names = "--skip", split = ",", paramLabel = "CHECK",
            description = "Checks to leave out: randomisation, faithfulness.")
    public List<String> skip = List.of();

    @Option(names = "--permuted-model", paramLabel = "M",
            description = "The same architecture trained on permuted labels: compare its maps (data randomisation).")
    public Path permutedModel;

    @Option(names = "--patch", paramLabel = "ROW,COL,SIZE",
            description = "Plant a bright patch into every input and report the attribution mass on it.")
    public String patch;

    @Option(names = "--localisation", paramLabel = "BOXES",
            description = "Bounding boxes row,col,height,width in input pixels, one per input separated by ';' (or one "
                    + "for all): report the pointing game, the energy in the box and the top-10% IoU of each method.")
    public String localisation;

    @Option(names = "--pointing-tolerance", paramLabel = "PX",
            description = "The pointing game's tolerance in pixels: a hit when the map's maximum is closer than this to "
                    + "the box (default: ${DEFAULT-VALUE}, TorchRay's; lower it for small images).")
    public double pointingTolerance = 15;

    @Option(names = "--reference-model", paramLabel = "M",
            description = "With --patch: a model trained without the patch, reported beside --model.")
    public Path referenceModel;

    @Mixin
    public ExplainOptions options;

    @Option(names = "--out", required = true, description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    /** Cascading (default) or independent randomisation. */
    public static final class Randomisation {
        @Option(names = "--cascade", description = "Randomise layers cumulatively from the top down (default).")
        boolean cascade;

        @Option(names = "--independent", description = "Randomise one layer at a time, the others kept.")
        boolean independent;

        RandomisationCheck.Mode mode() {
            return independent ? RandomisationCheck.Mode.INDEPENDENT : RandomisationCheck.Mode.CASCADING;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (referenceModel != null && patch == null) {
            throw new InvalidInputException("--reference-model needs --patch: it is the clean model the patch check "
                    + "compares with");
        }
        for (String check : skip) {
            if (!List.of("randomisation", "faithfulness").contains(check.trim())) {
                throw new InvalidInputException("--skip takes randomisation or faithfulness, got '" + check + "'");
            }
        }
        Patch planted = patch == null ? null : Patch.parse(patch);
        Target target = Target.parse(options.target);
        List<Sample> samples = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        try (Model loaded = ModelLoading.loadWithInputs(model, input, samples);
                AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            Map<String, Explainer> explainers = AttributionMethods.createAll(methods, loaded, options);
            List<BoundingBox> boxes = localisation == null ? null
                    : LocalisationSection.parse(localisation, samples.size(), loaded.inputShape());
            float[][] rows = InputArguments.rows(samples);
            int[] targets = targets(loaded.predict(rows), target);
            HtmlReport report = new HtmlReport("glassbox sanity", "Sanity checks of " + String.join(", ",
                    explainers.keySet()) + " on " + loaded + ", " + samples.size() + " input(s). "
                    + AttributionWriter.COLOUR_KEY);
            json.put("model", loaded.toString());
            json.put("inputs", samples.stream().map(Sample::name).toList());
            if (!skipped("randomisation")) {
                RandomisationCheck.Builder check = RandomisationCheck.of(loaded, explainers)
                        .mode(randomisation.mode()).seed(options.seed);
                if (layers != null) {
                    check.layers(layers);
                }
                RandomisationResult result = check.build().run(rows, target, progress);
                json.put("randomisation", RandomisationSection.write(result, samples, loaded.outputNames(), report,
                        output.path()));
            }
            if (!skipped("faithfulness")) {
                json.put("faithfulness", FaithfulnessSection.write(faithfulness(loaded, explainers, rows, targets,
                        progress), samples.size(), report, output.path()));
            }
            if (permutedModel != null) {
                try (Model permuted = companion(permutedModel, loaded)) {
                    json.put("dataRandomisation", DataRandomisationSection.write(explainers,
                            AttributionMethods.createAll(methods, permuted, options), permutedModel.toString(),
                            samples, targets, report));
                }
            }
            if (boxes != null) {
                json.put("localisation", LocalisationSection.write(boxes, pointingTolerance, loaded, explainers, rows,
                        targets, options.seed, report));
            }
            if (planted != null) {
                json.put("spuriousCue", spuriousCue(planted, loaded, explainers, samples, target, report));
            }
            Files.writeString(output.path().resolve("sanity.json"),
                    StableJson.toJson(json));
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
        }
        spec.commandLine().getOut().printf("sanity checks of %d method(s) on %d input(s): %s%n", methods.size(),
                samples.size(), out.resolve("index.html"));
        return 0;
    }

    private boolean skipped(String check) {
        return skip.stream().anyMatch(s -> s.trim().equals(check));
    }

    private static int[] targets(float[][] scores, Target target) {
        int[] out = new int[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = target.resolve(scores[i]);
        }
        return out;
    }

    private FaithfulnessResult faithfulness(Model loaded, Map<String, Explainer> explainers, float[][] rows,
            int[] targets, ProgressBars progress) {
        FaithfulnessCheck.Builder check = FaithfulnessCheck.of(loaded, explainers).seed(options.seed)
                .curves(PerturbationCurves.of(loaded).steps(curveSteps).build())
                .infidelity(Infidelity.of(loaded).samples(infidelitySamples).sigma(infidelitySigma).seed(options.seed)
                        .build());
        if (sensitivitySamples > 0) {
            check.sensitivity(MaxSensitivity.of(0.02, sensitivitySamples, options.seed));
        }
        return check.build().run(rows, targets, progress);
    }

    private Map<String, Object> spuriousCue(Patch planted, Model loaded, Map<String, Explainer> explainers,
            List<Sample> samples, Target target, HtmlReport report) {
        List<PatchSection.Subject> subjects = new ArrayList<>(List.of(new PatchSection.Subject("model", loaded,
                explainers)));
        if (referenceModel == null) {
            return PatchSection.write(planted, subjects, "'model' is " + loaded + ".", samples, target, options.seed,
                    report);
        }
        try (Model reference = companion(referenceModel, loaded)) {
            subjects.add(new PatchSection.Subject("reference model", reference,
                    AttributionMethods.createAll(methods, reference, options)));
            return PatchSection.write(planted, subjects, "'model' is " + loaded + "; 'reference model' is "
                    + referenceModel + ".", samples, target, options.seed, report);
        }
    }

    /** Another model to compare with, which must take the same inputs and give the same number of outputs. */
    private Model companion(Path path, Model main) {
        Model other = Models.load(path, new ModelOptions(main.inputShape(), null, model.batchSize));
        if (!other.inputShape().equals(main.inputShape()) || other.outputSize() != main.outputSize()) {
            other.close();
            throw new InvalidInputException(path + " takes " + other.inputShape() + " inputs and gives "
                    + other.outputSize() + " outputs, but the model checked takes " + main.inputShape() + " and gives "
                    + main.outputSize() + ": compare models of the same architecture");
        }
        return other;
    }
}
