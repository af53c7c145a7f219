package dev.glassbox.bench;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.grouping.Slic;
import dev.glassbox.core.explain.perturb.Background;
import dev.glassbox.core.explain.perturb.Execution;
import dev.glassbox.core.explain.perturb.FeatureAblation;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.Lime;
import dev.glassbox.core.explain.perturb.Occlusion;
import dev.glassbox.core.explain.perturb.PerturbationExplainer;
import dev.glassbox.core.explain.perturb.ShapleySampling;
import dev.glassbox.core.explain.perturb.Sis;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Measures the overhead of the perturbation explainers: for each method, the time to explain one 28×28 image with a
 * small Java MLP, divided by the time the same model takes for the same number of rows in batches of the same size,
 * both measured in this run (median of several repeats after a warm-up). A ratio near 1 means the explainer's own work
 * (masking, chunking, regression) is small next to the model's.
 *
 * <p>Usage: {@code PerturbationBenchmark [repeats]} (default 5).
 */
public final class PerturbationBenchmark {
    private static final Shape SHAPE = Shape.of(1, 28, 28);
    private static final int HIDDEN = 128;
    private static final int CLASSES = 10;

    private PerturbationBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Model model = mlp(new Random(1));
        float[] image = smoothImage();
        Execution execution = Execution.defaults();
        FeatureGrouping blocks = blocks(4);

        Map<String, Explainer> explainers = new LinkedHashMap<>();
        explainers.put("occlusion 4x4/2", Occlusion.builder(model).window(4, 4).strides(2, 2).execution(execution).build());
        explainers.put("ablation 7x7 blocks", PerturbationExplainer.builder(model, FeatureAblation.ablation())
                .grouping(blocks).execution(execution).build());
        explainers.put("lime slic-50", PerturbationExplainer.builder(model, Lime.builder().seed(1).build())
                .segmenter(Slic.builder().segments(50).build()).execution(execution).build());
        explainers.put("kernel-shap slic-50", PerturbationExplainer.builder(model, KernelShap.builder().seed(1).build())
                .segmenter(Slic.builder().segments(50).build())
                .baseline(Background.summarize(randomRows(100, new Random(3)), 5, 1)).execution(execution).build());
        explainers.put("shapley-sampling 49", PerturbationExplainer.builder(model,
                ShapleySampling.builder().permutations(20).seed(1).build()).grouping(blocks).execution(execution).build());
        explainers.put("sis 49", PerturbationExplainer.builder(model, Sis.withThreshold(0.0)).grouping(blocks)
                .execution(execution).build());

        System.out.printf(Locale.ROOT, "%-22s %12s %12s %12s %8s%n", "method", "evaluations", "explain ms", "model ms",
                "ratio");
        for (Map.Entry<String, Explainer> e : explainers.entrySet()) {
            Attribution first = e.getValue().explain(image, Target.PREDICTED);
            int rows = first.diagnostics().get("modelEvaluations").intValue() + 1;
            float[][] raw = randomRows(rows, new Random(4));
            double explainMs = medianMillis(repeats, () -> e.getValue().explain(image, Target.PREDICTED));
            double modelMs = medianMillis(repeats, () -> predictInBatches(model, raw, execution.batchSize()));
            System.out.printf(Locale.ROOT, "%-22s %12d %12.1f %12.1f %8.2f%n", e.getKey(), rows, explainMs, modelMs,
                    explainMs / modelMs);
        }
    }

    private static void predictInBatches(Model model, float[][] rows, int batch) {
        for (int from = 0; from < rows.length; from += batch) {
            model.predict(Arrays.copyOfRange(rows, from, Math.min(rows.length, from + batch)));
        }
    }

    private static double medianMillis(int repeats, Runnable work) {
        work.run();
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[repeats / 2];
    }

    /** A 784–128–10 ReLU network with fixed random weights, as plain Java. */
    private static Model mlp(Random random) {
        int inputs = SHAPE.size();
        float[][] w1 = new float[HIDDEN][inputs];
        float[][] w2 = new float[CLASSES][HIDDEN];
        for (float[] row : w1) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian() / 28f;
            }
        }
        for (float[] row : w2) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian() / 11f;
            }
        }
        return FunctionModel.ofLogits(SHAPE, CLASSES, batch -> {
            float[][] out = new float[batch.length][CLASSES];
            float[] hidden = new float[HIDDEN];
            for (int r = 0; r < batch.length; r++) {
                for (int h = 0; h < HIDDEN; h++) {
                    float s = 0;
                    for (int j = 0; j < inputs; j++) {
                        s += w1[h][j] * batch[r][j];
                    }
                    hidden[h] = Math.max(0, s);
                }
                for (int c = 0; c < CLASSES; c++) {
                    float s = 0;
                    for (int h = 0; h < HIDDEN; h++) {
                        s += w2[c][h] * hidden[h];
                    }
                    out[r][c] = s;
                }
            }
            return out;
        });
    }

    /** Square blocks of {@code size} pixels as the feature groups. */
    private static FeatureGrouping blocks(int size) {
        int side = SHAPE.dim(1);
        int[] labels = new int[SHAPE.size()];
        for (int p = 0; p < labels.length; p++) {
            labels[p] = (p / side / size) * (side / size) + (p % side) / size;
        }
        return FeatureGrouping.labels(SHAPE, labels);
    }

    /** A smooth synthetic image in [0, 1], so that superpixels have regions to find. */
    private static float[] smoothImage() {
        int side = SHAPE.dim(1);
        float[] image = new float[SHAPE.size()];
        for (int p = 0; p < image.length; p++) {
            double r = (double) (p / side) / side;
            double c = (double) (p % side) / side;
            image[p] = (float) (0.5 + 0.25 * Math.sin(7 * r) * Math.cos(5 * c) + 0.2 * Math.sin(11 * (r + c)));
        }
        return image;
    }

    private static float[][] randomRows(int count, Random random) {
        float[][] rows = new float[count][SHAPE.size()];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextFloat();
            }
        }
        return rows;
    }
}
