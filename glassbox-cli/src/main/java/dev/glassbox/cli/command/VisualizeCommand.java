package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.option.UnitArguments;
import dev.glassbox.cli.report.VisualisationSection;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.inspect.DatasetExamples;
import dev.glassbox.djl.inspect.FeatureVisualisation;
import dev.glassbox.djl.inspect.ImageParameterisation;
import dev.glassbox.djl.inspect.ImagePenalties;
import dev.glassbox.djl.inspect.InputScaling;
import dev.glassbox.djl.inspect.ModelObjective;
import dev.glassbox.djl.inspect.Objective;
import java.io.IOException;
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
 * {@code glassbox inspect visualize}: feature visualisation of units, channels, layers or logits, with each unit's
 * top examples from a data set beside the optimised images and the ratio of their activations, and optionally the same
 * optimisation in plain pixels without transforms for comparison.
 */
@Command(name = "visualize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Optimise images that drive chosen units; show each unit's top data set examples beside them.")
public final class VisualizeCommand implements Callable<Integer> {
    /** The JSON file a run writes. */
    public static final String JSON = "visualize.json";

    @Mixin
    public ModelArguments model;

    @Mixin
    public UnitArguments units;

    @Mixin
    public InspectImages images;

    @Option(names = "--data", arity = "1..*", paramLabel = "FILE|DIR",
            description = "Data set for the top examples per unit: images, .npy or IDX (*idx3-ubyte[.gz]) files, or "
                    + "folders of images and .npy files.")
    public List<Path> data;

    @Option(names = "--top", paramLabel = "K", description = "Top data set examples per unit (default: ${DEFAULT-VALUE}).")
    public int top = 4;

    @Option(names = "--basis", paramLabel = "fourier|pixels", description = "Image parameterisation (default: ${DEFAULT-VALUE}).")
    public String basis = "fourier";

    @Option(names = "--no-transforms", description = "No random pad, jitter, scale and rotation at each step.")
    public boolean noTransforms;

    @Option(names = "--compare-pixels", description = "Also optimise plain pixels without transforms and report the "
            + "total variation of both at their activations.")
    public boolean comparePixels;

    @Option(names = "--steps", paramLabel = "N", description = "Optimisation steps (default: ${DEFAULT-VALUE}).")
    public int steps = 256;

    @Option(names = "--lr", paramLabel = "R", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    public double learningRate = 0.05;

    @Option(names = "--images", paramLabel = "N", description = "Images per unit (default: ${DEFAULT-VALUE}).")
    public int count = 1;

    @Option(names = "--diversity", paramLabel = "W", description = "Weight of the diversity term between the images "
            + "of a unit, read at the unit's layer (default: ${DEFAULT-VALUE}).")
    public double diversity;

    @Option(names = "--l2", paramLabel = "W", description = "L2 penalty weight (default: ${DEFAULT-VALUE}).")
    public double l2;

    @Option(names = "--tv", paramLabel = "W", description = "Total variation penalty weight (default: ${DEFAULT-VALUE}).")
    public double tv;

    @Option(names = "--blur", paramLabel = "W", description = "Blur penalty weight (default: ${DEFAULT-VALUE}).")
    public double blur;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InspectImages.requireShape(model);
        ImageParameterisation.Basis chosen = switch (basis.toLowerCase(Locale.ROOT)) {
            case "fourier" -> ImageParameterisation.Basis.FOURIER;
            case "pixels" -> ImageParameterisation.Basis.PIXELS;
            default -> throw new InvalidInputException("unknown --basis '" + basis + "': expected fourier or pixels");
        };
        ImagePenalties penalties = new ImagePenalties(l2, tv, blur);
        InputScaling scaling = images.scaling();
        List<Objective> objectives = units.objectives();
        try (Model loaded = model.load(null); AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            DifferentiableModel differentiable = InspectImages.differentiable(loaded);
            Shape shape = loaded.inputShape();
            float[][] dataImages = data == null ? null : InspectImages.read(data, shape);
            float[][] dataInputs = dataImages == null ? null : InspectImages.scaled(dataImages, scaling, shape);
            int k = dataInputs == null ? 0 : requireTop(dataInputs.length);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int u = 0; u < objectives.size(); u++) {
                ModelObjective objective = new ModelObjective(differentiable, objectives.get(u));
                FeatureVisualisation.Builder builder = FeatureVisualisation.builder(objective).steps(steps)
                        .learningRate(learningRate).images(count).penalties(penalties).inputScaling(scaling).seed(seed)
                        .parameterisation(new ImageParameterisation(shape, chosen, 1));
                if (diversity > 0) {
                    builder.diversity(diversity, firstLayer(objectives.get(u)));
                }
                if (noTransforms) {
                    builder.transforms(List.of());
                }
                FeatureVisualisation.Result result = builder.build().run(progress);
                String stem = "u" + u;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("objective", result.objective());
                row.put("images", writeImages(result.images(), shape, output.path(), stem + "-image"));
                row.put("values", result.values());
                row.put("totalVariation", result.totalVariation());
                if (dataInputs != null) {
                    DatasetExamples.TopExamples examples = DatasetExamples.top(objective, dataInputs,
                            k, model.batchSize, progress);
                    row.put("examples", examplesJson(examples, dataImages, shape, output.path(), stem));
                    row.put("ratioToTopExample", mean(result.values()) / examples.values()[0]);
                }
                if (comparePixels) {
                    FeatureVisualisation.Result pixels = FeatureVisualisation.builder(objective).steps(steps)
                            .learningRate(learningRate).penalties(penalties).inputScaling(scaling).seed(seed)
                            .parameterisation(new ImageParameterisation(shape, ImageParameterisation.Basis.PIXELS, 1))
                            .transforms(List.of()).build().run(progress);
                    Map<String, Object> plain = new LinkedHashMap<>();
                    plain.put("image", writeImages(pixels.images(), shape, output.path(), stem + "-pixels").get(0));
                    plain.put("value", pixels.values()[0]);
                    plain.put("totalVariation", pixels.totalVariation()[0]);
                    int matched = firstReaching(pixels.valueTrace(), result.values()[0]);
                    plain.put("stepAtSameActivation", matched);
                    plain.put("totalVariationAtSameActivation", matched < 0 ? null : pixels.variationTrace()[matched]);
                    row.put("pixelsWithoutTransforms", plain);
                    row.put("totalVariationRatio", result.totalVariation()[0] / pixels.totalVariation()[0]);
                    row.put("totalVariationRatioAtSameActivation", matched < 0 ? null
                            : result.totalVariation()[0] / pixels.variationTrace()[matched]);
                }
                rows.add(row);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", loaded.toString());
            json.put("settings", settings(chosen, penalties));
            json.put("units", rows);
            InspectImages.finish(output, JSON, json, "glassbox inspect visualize", loaded,
                    VisualisationSection::render);
        }
        spec.commandLine().getOut().printf("glassbox inspect visualize: %d unit(s); report: %s%n", objectives.size(),
                out.resolve("index.html"));
        return 0;
    }

    private Map<String, Object> settings(ImageParameterisation.Basis chosen, ImagePenalties penalties) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("basis", chosen.name().toLowerCase(Locale.ROOT));
        settings.put("transforms", noTransforms ? "none" : "standard");
        settings.put("steps", steps);
        settings.put("learningRate", learningRate);
        settings.put("images", count);
        settings.put("diversity", diversity);
        settings.put("l2", penalties.l2());
        settings.put("totalVariation", penalties.totalVariation());
        settings.put("blur", penalties.blur());
        settings.put("seed", seed);
        return settings;
    }

    private static String firstLayer(Objective objective) {
        return objective.terms().stream().map(Objective.Term::layer).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new InvalidInputException("--diversity needs an objective on a layer, not only "
                        + "logits"));
    }

    /** The top examples as JSON, their images written beside. */
    public static Map<String, Object> examplesJson(DatasetExamples.TopExamples examples, float[][] dataImages, Shape shape,
            Path dir, String stem) throws IOException {
        float[][] chosen = new float[examples.indices().length][];
        for (int k = 0; k < chosen.length; k++) {
            chosen[k] = dataImages[examples.indices()[k]];
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataSize", dataImages.length);
        out.put("indices", examples.indices());
        out.put("values", examples.values());
        out.put("files", writeImages(chosen, shape, dir, stem + "-example"));
        return out;
    }

    /** Writes each image as {@code stem<i>.png} in {@code dir} and returns the file names. */
    public static List<String> writeImages(float[][] imagesToWrite, Shape shape, Path dir, String stem) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < imagesToWrite.length; i++) {
            String name = stem + i + ".png";
            ImageWriter.write(imagesToWrite[i], shape, dir.resolve(name));
            names.add(name);
        }
        return names;
    }

    /** The first step whose value reaches {@code target}, or -1. */
    private static int firstReaching(double[] trace, double target) {
        for (int step = 0; step < trace.length; step++) {
            if (trace[step] >= target) {
                return step;
            }
        }
        return -1;
    }

    private int requireTop(int available) {
        if (top < 1 || top > available) {
            throw new InvalidInputException("--top must be between 1 and the " + available + " data set inputs, was "
                    + top);
        }
        return top;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }
}
