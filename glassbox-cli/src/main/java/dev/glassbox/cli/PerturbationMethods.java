package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.grouping.Quickshift;
import dev.glassbox.core.explain.grouping.Segmenter;
import dev.glassbox.core.explain.grouping.Slic;
import dev.glassbox.core.explain.perturb.Background;
import dev.glassbox.core.explain.perturb.Baseline;
import dev.glassbox.core.explain.perturb.CoalitionMethod;
import dev.glassbox.core.explain.perturb.Execution;
import dev.glassbox.core.explain.perturb.FeatureAblation;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.Lime;
import dev.glassbox.core.explain.perturb.LimeTabular;
import dev.glassbox.core.explain.perturb.Occlusion;
import dev.glassbox.core.explain.perturb.PerturbationExplainer;
import dev.glassbox.core.explain.perturb.PredictionDifference;
import dev.glassbox.core.explain.perturb.ShapleyExact;
import dev.glassbox.core.explain.perturb.ShapleySampling;
import dev.glassbox.core.explain.perturb.Sis;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.InputFiles;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import java.util.List;
import java.util.Locale;

/**
 * The black-box methods of {@code glassbox explain}: occlusion, ablation, LIME, Kernel SHAP, exact and sampled Shapley
 * values, SIS and prediction difference analysis, configured from the shared options for image inputs (features: occlusion windows or superpixels)
 * and tabular inputs (features: the CSV's columns).
 */
final class PerturbationMethods {
    /** The perturbation methods, as named on the command line. */
    static final List<String> NAMES = List.of("occlusion", "ablation", "lime", "kernel-shap", "shapley-sampling",
            "shapley-exact", "sis", "pda");

    private PerturbationMethods() {
    }

    /** An explainer for {@code method}; {@code columns} names the features of tabular inputs, else {@code null}. */
    static Explainer create(String method, Model model, ExplainOptions options, List<String> columns) {
        Execution execution = Execution.defaults().withThreads(options.threads)
                .withBudgetBytes(options.memoryBudgetMb << 20);
        if (method.equals("pda")) {
            return predictionDifference(model, options, execution);
        }
        Baseline baseline = baseline(options, model.inputShape());
        if (method.equals("occlusion")) {
            int axes = columns != null ? 1 : 2;
            int[] window = options.window != null ? options.window.over(axes) : columns != null ? new int[] {1}
                    : new int[] {4, 4};
            int[] strides = options.stride != null ? options.stride.over(window.length) : halves(window);
            return Occlusion.builder(model).window(window).strides(strides).baseline(baseline).execution(execution)
                    .probabilities(options.probabilities).build();
        }
        if (method.equals("lime") && columns != null) {
            if (options.background == null) {
                throw new InvalidInputException("lime on tabular data needs --background FILE: training rows for its "
                        + "quartile discretisation");
            }
            return LimeTabular.builder(model, rows(options, options.background, model.inputShape())).columns(columns)
                    .samples(options.samplesOr(5000)).seed(options.seed).execution(execution)
                    .probabilities(options.probabilities).build();
        }
        // SIS's threshold is a probability: subsets are judged on softmax outputs whatever --probabilities says
        PerturbationExplainer.Builder builder = PerturbationExplainer.builder(model, coalitionMethod(method, options))
                .baseline(baseline).execution(execution)
                .probabilities(options.probabilities || (method.equals("sis") && model.outputsLogits()));
        if (columns != null) {
            return builder.grouping(FeatureGrouping.columns(columns)).build();
        }
        return builder.segmenter(segmenter(options.segments != null ? options.segments
                : method.equals("shapley-exact") ? "slic:10" : "slic:40", model.inputShape(), options.seed)).build();
    }

    private static Explainer predictionDifference(Model model, ExplainOptions options, Execution execution) {
        if (options.background == null) {
            throw new InvalidInputException("pda needs --background FILE: training images (an IDX file, a Fashion-MNIST "
                    + "folder or .npy) that removed windows are sampled from");
        }
        PredictionDifference.Builder builder = PredictionDifference.builder(model)
                .window(options.window != null ? options.window.sizes()[0] : 4)
                .stride(options.stride != null ? options.stride.sizes()[0] : 1).padding(options.padding)
                .samples(options.samplesOr(10)).sampling(PredictionDifference.Sampling.parse(options.pdaSampling))
                .training(rows(options, options.background, model.inputShape())).seed(options.seed).execution(execution);
        if (options.laplaceN != null) {
            builder.trainingCount(options.laplaceN);
        }
        return builder.build();
    }

    private static CoalitionMethod coalitionMethod(String method, ExplainOptions options) {
        return switch (method) {
            case "ablation" -> FeatureAblation.ablation();
            case "lime" -> Lime.builder().samples(options.samplesOr(1000)).seed(options.seed).build();
            case "kernel-shap" -> KernelShap.builder().samples(options.samplesOr(0)).seed(options.seed).build();
            case "shapley-sampling" -> ShapleySampling.builder().permutations(options.samplesOr(25)).seed(options.seed).build();
            case "shapley-exact" -> ShapleyExact.create();
            case "sis" -> Sis.withThreshold(options.threshold);
            default -> throw new IllegalArgumentException("not a perturbation method: " + method);
        };
    }

    private static Segmenter segmenter(String spec, Shape shape, long seed) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("pixels")) {
            return Segmenter.fixed(FeatureGrouping.pixels(shape));
        }
        if (s.equals("elements")) {
            return Segmenter.fixed(FeatureGrouping.elements(shape));
        }
        if (s.equals("quickshift")) {
            return Quickshift.builder().seed(seed).build();
        }
        if (s.startsWith("slic:")) {
            try {
                return Slic.builder().segments(Integer.parseInt(s.substring(5))).build();
            } catch (NumberFormatException e) {
                throw new InvalidInputException("cannot read --segments " + spec + ": expected slic:N with N a number");
            }
        }
        throw new InvalidInputException("unknown --segments '" + spec + "': expected slic:N, quickshift, pixels or elements");
    }

    /** zero, a constant, means, blur, or rows from a file; --background (optionally summarised) wins when given. */
    private static Baseline baseline(ExplainOptions options, Shape shape) {
        if (options.background != null) {
            float[][] rows = rows(options, options.background, shape);
            return options.kmeans == null ? Background.of(rows) : Background.summarize(rows, options.kmeans, options.seed);
        }
        String b = options.baseline.trim().toLowerCase(Locale.ROOT);
        switch (b) {
            case "zero":
                return Baseline.constant(0f);
            case "means":
                return Baseline.groupMeans();
            case "blur":
                return Baseline.blurred(options.blurSigma);
            default:
                break;
        }
        try {
            return Baseline.constant(Float.parseFloat(b));
        } catch (NumberFormatException notANumber) {
            return Background.of(rows(options, java.nio.file.Path.of(options.baseline), shape));
        }
    }

    /** Rows from a file, or a Fashion-MNIST folder's training images. */
    private static float[][] rows(ExplainOptions options, java.nio.file.Path file, Shape shape) {
        if (java.nio.file.Files.isDirectory(file)) {
            return ImageRows.of(FashionMnist.train(file));
        }
        return InputFiles.read(file, shape, ImageOptions.defaults(), options.csvHeader).stream().map(Sample::values)
                .toArray(float[][]::new);
    }

    private static int[] halves(int[] window) {
        int[] out = new int[window.length];
        for (int i = 0; i < window.length; i++) {
            out[i] = Math.max(1, window[i] / 2);
        }
        return out;
    }
}
