package dev.glassbox.bench;

import dev.glassbox.core.InterleavedTiming;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.Slic;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.explain.perturb.Execution;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.Occlusion;
import dev.glassbox.core.explain.perturb.PerturbationExplainer;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.model.ImportedModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.onnx.OnnxModel;
import dev.glassbox.djl.explain.ClassActivationMap;
import dev.glassbox.djl.explain.IntegratedGradients;
import dev.glassbox.djl.explain.NoiseTunnel;
import dev.glassbox.djl.explain.RuleBasedAttribution;
import dev.glassbox.djl.explain.Saliency;
import dev.glassbox.djl.rules.LrpPreset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An ONNX network of ResNet-18's size (3×224×224 inputs, 11.7 million parameters) imported as a graph on the PyTorch
 * engine, timed as {@code glassbox bench} times the bundled model: every method next to the raw passes it needs,
 * the two run in turns, medians, ratios within the same run. Writes the network with
 * {@code scripts/make_bench_resnet.py DIR}.
 *
 * <p>Usage: {@code OnnxResNetBenchmark DIR [images] [repeats] [options]}, run with
 * {@code -Dai.djl.pytorch.num_threads=2} (the default set here when absent). Options:
 * <ul>
 *   <li>{@code --parts passes,methods,paths,perturbation} (default: all four) or {@code --parts memory};</li>
 *   <li>{@code --path-images N} (default: images): images for IG and SmoothGrad, 50 points per image;</li>
 *   <li>{@code --path-repeats N} (default 1): timed runs of IG and SmoothGrad (a run costs 2 × 50 × N passes);</li>
 *   <li>{@code --perturbation-images N} (default 1): images for occlusion and Kernel SHAP, one timed run;</li>
 *   <li>{@code --memory-budget-mb M} (default 256, the CLI's): IG's budget in the memory part.</li>
 * </ul>
 * Parts: {@code passes} — the imported graph's forward and forward+backward against TorchScript's, and ONNX Runtime's
 * forward against the imported graph's at batch 8 and 64; {@code methods} — saliency, DeepLIFT, guided backprop,
 * LRP-ε, Grad-CAM against one raw forward+backward pass over the images; {@code paths} — IG (50 steps) and SmoothGrad
 * (50 samples) against one raw forward+backward pass over their path points or noisy copies; {@code perturbation} —
 * occlusion (16×16 windows, stride 8, zero baseline) and Kernel SHAP (49 SLIC superpixels, 200 samples, zero
 * baseline) on smooth synthetic images ({@link #smoothImages}) against raw forward passes over as many rows as they
 * evaluated, in model calls of the same size; {@code memory} — IG with 200 steps on the images, the process's
 * resident memory before, sampled during (every 20 ms) and its high-water mark; run it in a process of its own, so
 * that earlier parts do not set the high-water mark, and with a bounded Java heap ({@code -Xmx384m}): the resident
 * memory counts the heap the JVM has committed, which otherwise grows towards a quarter of the machine's memory
 * (about 0.9 GB of it on a 23 GB machine during IG, of which a quarter was in use).
 *
 * <p>IG's {@code memoryBudget} sizes its passes by the path points (16 bytes per input element: 2.4 MB per
 * 3×224×224 point) and the activations the model keeps per sample for the backward pass
 * ({@code DifferentiableModel.activationBytesPerSample}); the engine's batch ({@link ModelOptions#batchSize()}, 64)
 * bounds each engine call besides.
 */
public final class OnnxResNetBenchmark {
    private static final Shape SHAPE = Shape.of(3, 224, 224);
    private static final int STEPS = 50;
    private static final String GRAD_CAM_LAYER = "/layer4/layer4.1/relu2/Relu";

    private final int repeats;
    private final Set<String> parts;
    private final int pathImages;
    private final int pathRepeats;
    private final int perturbationImages;
    private final long memoryBudgetMb;

    private OnnxResNetBenchmark(int repeats, Set<String> parts, int pathImages, int pathRepeats, int perturbationImages,
            long memoryBudgetMb) {
        this.repeats = repeats;
        this.parts = parts;
        this.pathImages = pathImages;
        this.pathRepeats = pathRepeats;
        this.perturbationImages = perturbationImages;
        this.memoryBudgetMb = memoryBudgetMb;
    }

    public static void main(String[] args) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "2");
        }
        List<String> positional = new ArrayList<>();
        Set<String> parts = Set.of("passes", "methods", "paths", "perturbation");
        Integer pathImages = null;
        int pathRepeats = 1;
        int perturbationImages = 1;
        long budgetMb = 256;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--parts" -> parts = Set.of(args[++i].split(","));
                case "--path-images" -> pathImages = Integer.parseInt(args[++i]);
                case "--path-repeats" -> pathRepeats = Integer.parseInt(args[++i]);
                case "--perturbation-images" -> perturbationImages = Integer.parseInt(args[++i]);
                case "--memory-budget-mb" -> budgetMb = Long.parseLong(args[++i]);
                default -> positional.add(args[i]);
            }
        }
        if (positional.isEmpty()) {
            System.err.println("usage: OnnxResNetBenchmark DIR [images] [repeats] [--parts passes,methods,paths,"
                    + "perturbation|memory] [--path-images N] [--path-repeats N] [--perturbation-images N] "
                    + "[--memory-budget-mb M]");
            System.exit(2);
        }
        Path dir = Path.of(positional.get(0));
        int images = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 8;
        int repeats = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 5;
        new OnnxResNetBenchmark(repeats, parts, pathImages == null ? images : pathImages, pathRepeats,
                perturbationImages, budgetMb).run(dir, images);
    }

    private void run(Path dir, int images) {
        float[][] inputs = randomImages(images, 7);
        System.out.printf(Locale.ROOT, "ResNet-18-sized ONNX network, %d image(s) 3x224x224, %s engine thread(s), "
                        + "%d repeat(s), %d cores, load %s%n", images, System.getProperty("ai.djl.pytorch.num_threads"),
                repeats, Runtime.getRuntime().availableProcessors(), load());
        long start = System.nanoTime();
        ModelOptions options = ModelOptions.withShape(SHAPE);
        if (parts.contains("memory")) {
            long before = rss("VmRSS");
            try (ImportedModel model = (ImportedModel) Models.load(dir.resolve("resnet18.onnx"), options)) {
                memory(model, inputs, before);
            }
            return;
        }
        try (ImportedModel model = (ImportedModel) Models.load(dir.resolve("resnet18.onnx"), options)) {
            if (parts.contains("passes")) {
                passes(model, dir, options, inputs);
            }
            header("method", "images", "ms", "raw ms", "ratio", "raw passes");
            if (parts.contains("methods")) {
                methods(model, inputs);
            }
            if (parts.contains("paths")) {
                paths(model, randomImages(pathImages, 7));
            }
            if (parts.contains("perturbation")) {
                perturbation(model, smoothImages(perturbationImages));
            }
        }
        System.out.printf(Locale.ROOT, "total %.0f s, load %s%n", (System.nanoTime() - start) / 1e9, load());
    }

    // ------------------------------------------------------------------------------------------------ raw passes

    private void passes(ImportedModel model, Path dir, ModelOptions options, float[][] inputs) {
        header("pass", "batch", "ms", "against ms", "ratio", "against");
        try (DifferentiableModel script = (DifferentiableModel) Models.load(dir.resolve("resnet18.pt"), options)) {
            float[][] cotangent = oneHot(inputs.length, model.outputSize());
            double[] ms = InterleavedTiming.medians(() -> model.predictOnGraph(inputs), () -> script.predict(inputs),
                    repeats, true);
            row("forward (imported ONNX)", inputs.length, ms, "TorchScript");
            ms = InterleavedTiming.medians(() -> model.inputGradient(inputs, cotangent),
                    () -> script.inputGradient(inputs, cotangent), repeats, true);
            row("forward+backward (imported)", inputs.length, ms, "TorchScript");
        }
        try (OnnxModel runtime = OnnxModel.load(dir.resolve("resnet18.onnx"), options)) {
            for (int batch : new int[] {inputs.length, 64}) {
                float[][] rows = batch == inputs.length ? inputs : randomImages(batch, 11);
                double[] ms = InterleavedTiming.medians(() -> runtime.predict(rows), () -> model.predictOnGraph(rows),
                        repeats, true);
                row("forward (ONNX Runtime)", batch, ms, "imported ONNX");
            }
        }
    }

    // --------------------------------------------------------------------------------------------------- methods

    private void methods(ImportedModel model, float[][] inputs) {
        List<Object[]> explainers = List.of(
                new Object[] {"saliency", Saliency.gradients(model, false)},
                new Object[] {"DeepLIFT (zero)", RuleBasedAttribution.deepLift(model, PathBaseline.zero())},
                new Object[] {"guided backprop", RuleBasedAttribution.guidedBackprop(model)},
                new Object[] {"LRP-epsilon", RuleBasedAttribution.lrp(model, LrpPreset.epsilon(1e-9))},
                new Object[] {"Grad-CAM",
                        ClassActivationMap.gradCam(model, GRAD_CAM_LAYER, false, Upsampling.BILINEAR)});
        for (Object[] e : explainers) {
            Explainer explainer = (Explainer) e[1];
            double[] ms = InterleavedTiming.medians(() -> explainer.explain(inputs, Target.PREDICTED),
                    () -> rawGradient(model, inputs, 1), repeats, true);
            methodRow((String) e[0], inputs.length, ms, inputs.length + " fwd+bwd");
        }
    }

    private void paths(ImportedModel model, float[][] inputs) {
        Explainer ig = IntegratedGradients.of(model).steps(STEPS).build();
        Explainer smoothGrad = NoiseTunnel.around(model, Saliency.gradients(model, false), "saliency")
                .aggregation(NoiseTunnel.Aggregation.SMOOTHGRAD).samples(STEPS).build();
        for (Object[] e : List.of(new Object[] {"IG (50 steps)", ig}, new Object[] {"SmoothGrad (50)", smoothGrad})) {
            Explainer explainer = (Explainer) e[1];
            double[] ms = InterleavedTiming.medians(() -> explainer.explain(inputs, Target.PREDICTED),
                    () -> rawGradient(model, inputs, STEPS), pathRepeats, false);
            methodRow((String) e[0], inputs.length, ms, inputs.length * STEPS + " fwd+bwd");
        }
    }

    private void perturbation(ImportedModel model, float[][] inputs) {
        Execution execution = Execution.defaults().withBudgetBytes(256L << 20);
        dev.glassbox.core.explain.perturb.Baseline zero = dev.glassbox.core.explain.perturb.Baseline.constant(0f);
        Explainer occlusion = Occlusion.builder(model).window(16, 16).strides(8, 8).baseline(zero)
                .execution(execution).build();
        Explainer kernelShap = PerturbationExplainer.builder(model, KernelShap.builder().samples(200).seed(0).build())
                .baseline(zero).execution(execution).segmenter(Slic.builder().segments(49).build()).build();
        for (Object[] e : List.of(new Object[] {"occlusion 16/8", occlusion},
                new Object[] {"Kernel SHAP (49, 200)", kernelShap})) {
            Explainer explainer = (Explainer) e[1];
            AtomicLong evaluations = new AtomicLong();
            double[] ms = InterleavedTiming.medians(() -> {
                long rows = 0;
                for (Attribution a : explainer.explain(inputs, Target.PREDICTED)) {
                    rows += a.diagnostics().get("modelEvaluations").longValue();
                }
                evaluations.set(rows);
            }, () -> rawForward(model, inputs, evaluations.get(), execution.rowsPerChunk(4L * SHAPE.size()
                    + 4L * model.outputSize())), 1, false);
            methodRow((String) e[0], inputs.length, ms, evaluations.get() + " fwd");
        }
    }

    // ---------------------------------------------------------------------------------------------------- memory

    private void memory(ImportedModel model, float[][] inputs, long beforeLoad) {
        int steps = 200;
        long budget = memoryBudgetMb << 20;
        Explainer ig = IntegratedGradients.of(model).steps(steps).memoryBudget(budget).build();
        long loaded = rss("VmRSS");
        long[] peak = {loaded};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], rss("VmRSS"));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        ig.explain(inputs, Target.PREDICTED);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        System.out.printf(Locale.ROOT, "IG %d steps on %d images (%d path points), memoryBudget %d MiB (%d points per "
                        + "pass, engine batches of at most %d): %.1f s%n", steps, inputs.length, steps * inputs.length,
                memoryBudgetMb, Math.max(1, budget / (16L * SHAPE.size() + model.activationBytesPerSample())),
                model.batchSize(), seconds);
        System.out.printf(Locale.ROOT, "resident memory: %d MiB before loading, %d MiB loaded, %d MiB sampled peak "
                        + "during IG, high-water mark (VmHWM) %d MiB; Java heap %d MiB committed, %d MiB max%n",
                beforeLoad >> 10, loaded >> 10, peak[0] >> 10, rss("VmHWM") >> 10,
                Runtime.getRuntime().totalMemory() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** A field of /proc/self/status in KiB. */
    private static long rss(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    // ----------------------------------------------------------------------------------------------- baselines

    /** One forward+backward pass over {@code passes} copies of every input, each nudged, as {@code glassbox bench}. */
    private static void rawGradient(DifferentiableModel model, float[][] inputs, int passes) {
        float[][] batch = new float[inputs.length * passes][];
        Random random = new Random(1);
        for (int i = 0; i < batch.length; i++) {
            batch[i] = inputs[i / passes].clone();
            batch[i][random.nextInt(batch[i].length)] += 1e-3f;
        }
        model.inputGradient(batch, oneHot(batch.length, model.outputSize()));
    }

    /** {@code rows} forward evaluations of nudged copies of the inputs, in model calls of {@code chunk} rows. */
    private static void rawForward(Model model, float[][] inputs, long rows, int chunk) {
        Random random = new Random(1);
        for (long from = 0; from < rows; from += chunk) {
            float[][] batch = new float[(int) Math.min(chunk, rows - from)][];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = inputs[(int) ((from + i) % inputs.length)].clone();
                batch[i][random.nextInt(batch[i].length)] += 1e-3f;
            }
            model.predict(batch);
        }
    }

    private static float[][] oneHot(int rows, int classes) {
        float[][] out = new float[rows][classes];
        for (float[] row : out) {
            row[0] = 1;
        }
        return out;
    }

    private static float[][] randomImages(int count, long seed) {
        Random random = new Random(seed);
        float[][] out = new float[count][SHAPE.size()];
        for (float[] image : out) {
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
        }
        return out;
    }

    /**
     * Smooth synthetic images in [0, 1] for the perturbation methods, so that SLIC has regions to find (on uniform
     * noise it returns one superpixel, and Kernel SHAP two evaluations): channel c of image i at (r, q), both in
     * [0, 1), is 0.5 + 0.25 sin(7r + c + i) cos(5q) + 0.2 sin(11(r + q)); {@code bench_captum.py} draws the same.
     */
    static float[][] smoothImages(int count) {
        int side = SHAPE.dim(1);
        float[][] out = new float[count][SHAPE.size()];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < side * side; p++) {
                    double r = (double) (p / side) / side;
                    double q = (double) (p % side) / side;
                    out[i][c * side * side + p] = (float) (0.5 + 0.25 * Math.sin(7 * r + c + i) * Math.cos(5 * q)
                            + 0.2 * Math.sin(11 * (r + q)));
                }
            }
        }
        return out;
    }


    private static void header(String first, String count, String ms, String against, String ratio, String what) {
        System.out.printf(Locale.ROOT, "%n%-30s %6s %10s %10s %7s   %s%n", first, count, ms, against, ratio, what);
    }

    private static void row(String name, int batch, double[] ms, String against) {
        System.out.printf(Locale.ROOT, "%-30s %6d %10.1f %10.1f %7.2f   %s%n", name, batch, ms[0], ms[1], ms[0] / ms[1],
                against);
        System.out.flush();
    }

    private static void methodRow(String name, int images, double[] ms, String raw) {
        System.out.printf(Locale.ROOT, "%-30s %6d %10.1f %10.1f %7.2f   %s (load %s)%n", name, images, ms[0], ms[1],
                ms[0] / ms[1], raw, load());
        System.out.flush();
    }

    private static String load() {
        Supplier<String> read = () -> {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException e) {
                return "?";
            }
        };
        return read.get();
    }
}
