package dev.glassbox.cli.command;

import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.core.InterleavedTiming;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.zoo.FashionCnn;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.PrintWriter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox bench}: the cost of each attribution method on the bundled model, as a ratio to the time of the same
 * number of raw forward+backward passes measured in the same run (e.g. IG with 50 steps on 8 images against one
 * gradient pass over the 400 path points). Every method runs once before timing; medians of repeated runs, the
 * method's and the baseline's taken in turns.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time each gradient method on the bundled model against raw forward+backward passes (ratios).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--images", description = "Images explained per run (default: ${DEFAULT-VALUE}).")
    public int images = 8;

    @Option(names = "--repeats", description = "Timed runs per method; the median is reported (default: ${DEFAULT-VALUE}).")
    public int repeats = 5;

    @Option(names = "--steps", description = "IG steps and noise-tunnel samples (default: ${DEFAULT-VALUE}).")
    public int steps = 50;

    @Option(names = "--methods", split = ",", description = "Methods to time (default: every gradient method).")
    public List<String> methods = AttributionMethods.gradientNames();

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (BundledDemo bundle = BundledDemo.unpack(); BlockModel model = SavedModels.load(bundle.modelDir(), 64)) {
            LabelledImages data = bundle.images();
            float[][] inputs = new float[images][];
            for (int i = 0; i < images; i++) {
                inputs[i] = data.image(i);
            }
            ExplainOptions options = new ExplainOptions();
            options.steps = steps;
            options.samples = steps;
            options.relu = true;
            out.printf("%-16s %10s %12s %8s   (%d images, bundled %s, %d thread(s))%n", "method", "ms", "baseline ms",
                    "ratio", images, FashionCnn.NAME, Runtime.getRuntime().availableProcessors());
            for (String method : methods) {
                AttributionMethods.create(method, model, options).explain(inputs, Target.PREDICTED);
            }
            for (String method : methods) {
                Explainer explainer = AttributionMethods.create(method, model, options);
                boolean sampled = method.equals("ig") || method.startsWith("smoothgrad") || method.equals("vargrad");
                int passes = sampled ? steps : 1;
                double[] ms = InterleavedTiming.medians(() -> explainer.explain(inputs, Target.PREDICTED),
                        () -> rawPasses(model, inputs, passes), repeats, true);
                double methodMs = ms[0];
                double baselineMs = ms[1];
                out.printf("%-16s %10.1f %12.1f %8.2f%n", method, methodMs, baselineMs, methodMs / baselineMs);
                out.flush();
            }
        }
        return 0;
    }

    /** One forward+backward pass over {@code passes} copies of every input, as one batch. */
    private static void rawPasses(DifferentiableModel model, float[][] inputs, int passes) {
        float[][] batch = new float[inputs.length * passes][];
        Random random = new Random(1);
        for (int i = 0; i < batch.length; i++) {
            batch[i] = inputs[i / passes].clone();
            batch[i][random.nextInt(batch[i].length)] += 1e-3f;
        }
        float[][] cotangent = new float[batch.length][model.outputSize()];
        for (float[] row : cotangent) {
            row[0] = 1;
        }
        model.inputGradient(batch, cotangent);
    }}
