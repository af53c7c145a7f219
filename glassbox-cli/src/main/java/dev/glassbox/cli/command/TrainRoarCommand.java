package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.cli.option.TrainingOptions;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.RandomAttribution;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.LineChart;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.RemoveAndRetrain;
import dev.glassbox.djl.zoo.SmallFashionCnn;
import dev.glassbox.djl.zoo.Training;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox train roar}: remove and retrain on Fashion-MNIST for each named method and one or more random
 * rankings; writes {@code roar.json} and {@code roar.png} (test accuracy against the share of pixels removed). The
 * method {@value #RANDOM_MAP} is a map of uniform noise sent through the same explain-and-rank path as the real
 * methods: its curve must match the random rankings' within their spread.
 */
@Command(name = "roar", mixinStandardHelpOptions = true,
        description = "ROAR (remove and retrain): train a model, rank every training and test image's pixels by each "
                + "method's |attribution|, replace the top share by the mean pixel, retrain the same architecture and "
                + "plot test accuracy against the share removed, beside a random ranking.")
public final class TrainRoarCommand implements Callable<Integer> {
    /** The method name of a random map ranked like any method's (a check of the pipeline against the baseline). */
    public static final String RANDOM_MAP = "random-map";

    @Mixin
    public TrainingOptions training;

    @Option(names = "--methods", split = ",", paramLabel = "M",
            description = "Attribution methods whose rankings are tested, or " + RANDOM_MAP + " (a map of uniform "
                    + "noise, ranked like a method's) (default: ${DEFAULT-VALUE}).")
    public List<String> methods = List.of("saliency", "ixg", "ig", "gradcam");

    @Option(names = "--baselines", paramLabel = "N",
            description = "Random rankings run as the baseline, each from its own seed; their spread is the noise "
                    + "(default: ${DEFAULT-VALUE}).")
    public int baselines = 2;

    @Option(names = "--fractions", split = ",", paramLabel = "F",
            description = "Shares of pixels removed, each strictly between 0 and 1 (default: ${DEFAULT-VALUE}).")
    public List<Double> fractions = List.of(0.1, 0.3, 0.5, 0.7, 0.9);

    @Option(names = "--steps", paramLabel = "N",
            description = "Integrated Gradients path points per image (default: ${DEFAULT-VALUE}).")
    public int steps = new ExplainOptions().steps;

    @Option(names = "--architecture", description = "The architecture trained and retrained (default: ${DEFAULT-VALUE}).")
    public String architecture = SmallFashionCnn.NAME;

    @Option(names = "--test-limit", paramLabel = "N", description = "Test on the first N test images (default: all).")
    public Integer testLimit;

    @Option(names = "--out", required = true, description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LabelledImages train = training.trainingImages();
        LabelledImages test = training.testImages();
        if (testLimit != null) {
            test = test.slice(0, Math.min(Math.max(testLimit, 1), test.count()));
        }
        Training.Settings settings = training.settings(new Training.Settings(3, 64, 3e-3f, 20261205L));
        ExplainOptions options = new ExplainOptions();
        options.relu = true;
        options.seed = settings.seed();
        options.steps = steps;
        Map<String, Function<BlockModel, Explainer>> factories = new LinkedHashMap<>();
        for (String method : methods) {
            String name = method.trim();
            factories.put(name, name.equals(RANDOM_MAP) ? model -> new RandomAttribution(model, settings.seed())
                    : model -> AttributionMethods.create(name, model, options));
        }
        long start = System.nanoTime();
        RemoveAndRetrain.Result result;
        try (AtomicDirectory output = AtomicDirectory.open(out); ProgressBars progress = new ProgressBars()) {
            result = RemoveAndRetrain.of(architecture, settings, fractions.stream().mapToDouble(Double::doubleValue)
                    .toArray(), settings.seed(), baselines, progress).run(train, test, factories, FashionMnist.CLASS_NAMES);
            Files.writeString(output.path().resolve("roar.json"), StableJson.toJson(json(result, train, test,
                    settings, (System.nanoTime() - start) / 1e9)));
            Files.write(output.path().resolve("roar.png"), chart(result, train.count(), settings.epochs()));
            output.commit();
        }
        print(result, spec.commandLine().getOut());
        return 0;
    }

    private Map<String, Object> json(RemoveAndRetrain.Result result, LabelledImages train, LabelledImages test,
            Training.Settings settings, double seconds) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("architecture", architecture);
        doc.put("trainingImages", train.count());
        doc.put("testImages", test.count());
        doc.put("epochs", settings.epochs());
        doc.put("batchSize", settings.batchSize());
        doc.put("learningRate", settings.learningRate());
        doc.put("seed", settings.seed());
        doc.put("integratedGradientsSteps", steps);
        doc.put("cleanAccuracy", result.cleanAccuracy());
        Map<String, Object> curves = new LinkedHashMap<>();
        for (RemoveAndRetrain.Curve curve : result.curves()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("fractions", curve.fractions());
            c.put("accuracies", curve.accuracies());
            curves.put(curve.ranking(), c);
        }
        doc.put("curves", curves);
        doc.put("baselineSpread", baselineSpread(result));
        doc.put("seconds", seconds);
        return doc;
    }

    /** Accuracy against the share removed, from the clean accuracy at 0; the random ranking dashed. */
    private byte[] chart(RemoveAndRetrain.Result result, int images, int epochs) {
        List<LineChart.Series> series = new ArrayList<>();
        for (RemoveAndRetrain.Curve curve : result.curves()) {
            double[] x = new double[curve.fractions().length + 1];
            double[] y = new double[x.length];
            y[0] = result.cleanAccuracy();
            for (int f = 0; f < curve.fractions().length; f++) {
                x[f + 1] = curve.fractions()[f];
                y[f + 1] = curve.accuracies()[f];
            }
            series.add(new LineChart.Series(curve.ranking(), x, y, curve.baseline()));
        }
        return LineChart.png(String.format(Locale.ROOT, "ROAR: %s, %d training images, %d epochs", architecture,
                images, epochs), "share of pixels removed", "test accuracy after retraining", 0, 1, null, series);
    }

    private static void print(RemoveAndRetrain.Result result, PrintWriter out) {
        out.printf(Locale.ROOT, "clean test accuracy %.4f%n", result.cleanAccuracy());
        for (RemoveAndRetrain.Curve curve : result.curves()) {
            out.println(String.format(Locale.ROOT, "%-16s", curve.ranking()) + line(curve.fractions(),
                    curve.accuracies()));
        }
        out.println(String.format(Locale.ROOT, "%-16s", "baseline spread")
                + line(result.curves().get(0).fractions(), baselineSpread(result)));
    }

    private static String line(double[] fractions, double[] values) {
        StringBuilder line = new StringBuilder();
        for (int f = 0; f < fractions.length; f++) {
            line.append(String.format(Locale.ROOT, "  %.2f: %.4f", fractions[f], values[f]));
        }
        return line.toString();
    }

    /** At each share, the largest minus the smallest accuracy of the random rankings (0 with one of them). */
    public static double[] baselineSpread(RemoveAndRetrain.Result result) {
        List<double[]> random = result.curves().stream().filter(RemoveAndRetrain.Curve::baseline)
                .map(RemoveAndRetrain.Curve::accuracies).toList();
        double[] spread = new double[random.get(0).length];
        for (int f = 0; f < spread.length; f++) {
            int at = f;
            spread[f] = random.stream().mapToDouble(a -> a[at]).max().orElseThrow()
                    - random.stream().mapToDouble(a -> a[at]).min().orElseThrow();
        }
        return spread;
    }
}
