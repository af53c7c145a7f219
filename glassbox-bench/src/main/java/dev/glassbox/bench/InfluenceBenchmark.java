package dev.glassbox.bench;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.inspect.ExampleLosses;
import dev.glassbox.core.inspect.InfluenceFunctions;
import dev.glassbox.core.inspect.InverseHessian;
import dev.glassbox.core.inspect.LabelFlips;
import dev.glassbox.core.inspect.LeaveOneOut;
import dev.glassbox.core.inspect.RegularisedRisk;
import dev.glassbox.core.inspect.SoftmaxLosses;
import dev.glassbox.core.inspect.TracIn;
import dev.glassbox.core.inspect.TruncatedNewton;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.metrics.Correlation;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.inspect.HeadLosses;
import dev.glassbox.djl.zoo.ImageClassifierTraining;
import dev.glassbox.djl.zoo.SavedModels;
import dev.glassbox.djl.zoo.Training;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The measured figures of influence of training data: predicted against actual leave-one-out changes of a test loss
 * (L2-regularised logistic regression on the bundled CNN's frozen features; the last layers of a small CNN), and
 * mislabel detection by self-influence against TracIn, training loss and random checking. Arguments: the bundled model
 * folder, then optionally {@code --parts lr,cnn,mislabel}, {@code --data DIR} (Fashion-MNIST), {@code --train N},
 * {@code --removed N} (leave-one-out retrainings of the CNN's head).
 */
public final class InfluenceBenchmark {
    /** T-shirt/top against shirt: the pair of classes the bundled CNN confuses most. */
    private static final int[] PAIR = {0, 6};
    private static final double L2 = 0.01;

    private InfluenceBenchmark() {
    }

    /** Runs the chosen parts and prints their figures. */
    public static void main(String[] args) {
        Path modelDir = Path.of(args[0]);
        List<String> parts = List.of("lr", "cnn", "mislabel");
        Path data = FashionMnist.defaultDirectory();
        int train = 500;
        int removed = 100;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--parts" -> parts = List.of(args[i + 1].split(","));
                case "--data" -> data = Path.of(args[i + 1]);
                case "--train" -> train = Integer.parseInt(args[i + 1]);
                case "--removed" -> removed = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LabelledImages test = FashionMnist.test(data);
        if (parts.contains("lr") || parts.contains("mislabel")) {
            try (BlockModel model = SavedModels.load(modelDir, 64)) {
                if (parts.contains("lr")) {
                    logisticRegression(model, test, train);
                }
                if (parts.contains("mislabel")) {
                    mislabels(model, test, 2 * train);
                }
            }
        }
        if (parts.contains("cnn")) {
            smallCnn(FashionMnist.train(data), test, train, removed);
        }
    }

    /** Part 1: exact influence against leave-one-out retraining to convergence of every training example. */
    private static void logisticRegression(BlockModel model, LabelledImages test, int n) {
        LabelledImages pair = twoClasses(test, 0, n + 200);
        double[][] features = features(model, pair, "gap");
        int[] labels = pair.labels();
        SoftmaxLosses train = new SoftmaxLosses(Arrays.copyOf(features, n), Arrays.copyOf(labels, n), 2);
        SoftmaxLosses held = new SoftmaxLosses(Arrays.copyOfRange(features, n, n + 200),
                Arrays.copyOfRange(labels, n, n + 200), 2);
        RegularisedRisk risk = new RegularisedRisk(train, L2);
        TruncatedNewton solver = new TruncatedNewton(1e-12, 100);
        double[] theta = solver.minimize(risk, new double[train.parameterCount()]).theta();
        long start = System.nanoTime();
        InfluenceFunctions influence = new InfluenceFunctions(risk, theta, InverseHessian.exact(risk, theta, 0,
                Progress.NONE));
        int[] tests = highestLosses(held, theta, 3);
        double[][] predicted = influence.removalEffects(held, tests, Progress.NONE);
        double influenceSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "logistic regression on the bundled CNN's gap features (%s vs %s), %d training "
                + "examples, %d parameters, L2 %.3g; influence for %d test points in %.2f s%n",
                FashionMnist.className(PAIR[0]), FashionMnist.className(PAIR[1]), n, theta.length, L2, tests.length,
                influenceSeconds);
        int[] everyone = train.all();
        for (int t = 0; t < tests.length; t++) {
            start = System.nanoTime();
            double[] actual = LeaveOneOut.testLossChanges(risk, theta, held, tests[t], everyone, solver, Progress.NONE);
            double looSeconds = (System.nanoTime() - start) / 1e9;
            int[] top = topByMagnitude(predicted[t], 100);
            System.out.printf(Locale.ROOT, "  test %d (loss %.3f): Pearson r over all %d removals %.4f, over the 100 "
                    + "largest predicted %.4f; leave-one-out took %.1f s%n", tests[t], held.losses(theta)[tests[t]],
                    n, Correlation.pearson(predicted[t], actual), Correlation.pearson(pick(predicted[t], top),
                    pick(actual, top)), looSeconds);
        }
    }

    /** Part 2: a small CNN trained from scratch; influence on its last two (linear) layers against retraining them. */
    private static void smallCnn(LabelledImages trainSet, LabelledImages test, int n, int removed) {
        LabelledImages train = twoClasses(trainSet, 0, n);
        NamedBlocks layers = new NamedBlocks()
                .add("conv1", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8)
                        .build())
                .add("relu1", Activation.reluBlock()).add("pool1", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add("conv2", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(16).build())
                .add("relu2", Activation.reluBlock()).add("pool2", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add("pool3", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add("flatten", Blocks.batchFlattenBlock())
                .add("fc1", Linear.builder().setUnits(8).build()).add("tanh", Activation.tanhBlock())
                .add("fc2", Linear.builder().setUnits(2).build());
        long start = System.nanoTime();
        try (BlockModel model = ImageClassifierTraining.train("small-cnn", layers, train, List.of("a", "b"),
                new Training.Settings(15, 50, 2e-3f, 7), Progress.NONE)) {
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(Locale.ROOT, "trained in %.0f s%n", trainSeconds);
            LabelledImages held = twoClasses(test, 0, 200);
            float[][] trainActivations = model.activations(rows(train), "flatten");
            float[][] heldActivations = model.activations(rows(held), "flatten");
            try (HeadLosses trainLosses = HeadLosses.of(model, "flatten", trainActivations, train.labels());
                    HeadLosses heldLosses = HeadLosses.of(model, "flatten", heldActivations, held.labels())) {
                RegularisedRisk risk = new RegularisedRisk(trainLosses, L2);
                TruncatedNewton solver = new TruncatedNewton(1e-8, 100);
                start = System.nanoTime();
                TruncatedNewton.Result fit = solver.minimize(risk,
                        trainLosses.theta());
                double fitSeconds = (System.nanoTime() - start) / 1e9;
                System.err.printf(Locale.ROOT, "head refitted in %.0f s, %d steps, gradient %.1e%n", fitSeconds,
                        fit.iterations(), fit.gradientNorm());
                double[] theta = fit.theta();
                double accuracy = accuracy(heldLosses, theta);
                double damping = 0.001;
                start = System.nanoTime();
                InfluenceFunctions influence = new InfluenceFunctions(risk, theta,
                        InverseHessian.conjugateGradient(risk, theta, damping, 1e-10, 2000));
                int[] tests = highestLosses(heldLosses, theta, 1);
                double[] predicted = influence.removalEffects(heldLosses, tests, Progress.NONE)[0];
                double influenceSeconds = (System.nanoTime() - start) / 1e9;
                System.err.printf(Locale.ROOT, "influence in %.0f s%n", influenceSeconds);
                int[] top = topByMagnitude(predicted, removed);
                start = System.nanoTime();
                double[] actual = LeaveOneOut.testLossChanges(risk, theta, heldLosses, tests[0], top, solver,
                        (task, done, total) -> System.err.print("\r" + task + " " + done + "/" + total));
                double looSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%nsmall CNN (conv 8, pool, conv 16, pool, pool, fc 8, tanh, fc 2) trained from scratch on %d "
                        + "images in %.0f s; influence on fc1+fc2 (%d parameters), head refitted with L2 %.3g in %.0f s "
                        + "(gradient %.1e), held-out accuracy %.3f; CG with damping %.3g: %.1f s; test point %d (loss "
                        + "%.3f): Pearson r over the %d largest predicted removals %.4f (Spearman %.4f); leave-one-out "
                        + "retraining took %.0f s%n", n, trainSeconds, theta.length, L2, fitSeconds, fit.gradientNorm(),
                        accuracy, damping, influenceSeconds, tests[0], heldLosses.losses(theta)[tests[0]], removed,
                        Correlation.pearson(pick(predicted, top), actual), Correlation.spearman(pick(predicted, top),
                        actual), looSeconds);
            }
        }
    }

    /** Part 3: flip 10% of the labels; share of flips found checking the top 20% by each ranking. */
    private static void mislabels(BlockModel model, LabelledImages test, int n) {
        LabelledImages subset = test.slice(test.count() - n, test.count());
        double[][] features = features(model, subset, "gap");
        LabelFlips flips = LabelFlips.flip(subset.labels(), 10, 0.1, 11);
        SoftmaxLosses train = new SoftmaxLosses(features, flips.labels(), 10);
        RegularisedRisk risk = new RegularisedRisk(train, L2);
        double[] theta = new TruncatedNewton(1e-10, 100).minimize(risk, new double[train.parameterCount()]).theta();
        double[] self = new InfluenceFunctions(risk, theta, InverseHessian.exact(risk, theta, 0, Progress.NONE))
                .selfInfluence(Progress.NONE);
        List<TracIn.Checkpoint> checkpoints = TracIn.gradientDescent(risk, train, new double[train.parameterCount()],
                1.0, 300, 30);
        System.out.printf(Locale.ROOT, "%nmislabel detection: %d test-set images of all 10 classes (frozen gap features "
                + "of the bundled CNN), 10%% of labels flipped (seed 11), softmax regression with L2 %.3g; share of "
                + "flips found checking the top 20%%:%n", n, L2);
        System.out.printf(Locale.ROOT, "  self-influence %.3f, TracIn self-influence (%d checkpoints of gradient "
                + "descent) %.3f, training loss %.3f, random %.3f%n", flips.shareFound(self, 0.2), checkpoints.size(),
                flips.shareFound(TracIn.selfInfluence(checkpoints), 0.2), flips.shareFound(train.losses(theta), 0.2),
                flips.shareFound(LabelFlips.randomSuspicion(n, 5), 0.2));
    }

    /** The first {@code count} images of the two classes from {@code offset} on, labelled 0 and 1. */
    private static LabelledImages twoClasses(LabelledImages images, int offset, int count) {
        int[] chosen = new int[count];
        int found = 0;
        for (int i = offset; i < images.count() && found < count; i++) {
            if (images.label(i) == PAIR[0] || images.label(i) == PAIR[1]) {
                chosen[found++] = i;
            }
        }
        LabelledImages subset = images.subset(Arrays.copyOf(chosen, found));
        int[] binary = Arrays.stream(subset.labels()).map(l -> l == PAIR[0] ? 0 : 1).toArray();
        return new LabelledImages(found, subset.rows(), subset.cols(), subset.pixels(), binary);
    }

    private static float[][] rows(LabelledImages images) {
        float[][] out = new float[images.count()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = images.image(i);
        }
        return out;
    }

    private static double[][] features(BlockModel model, LabelledImages images, String layer) {
        float[][] a = model.activations(rows(images), layer);
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = Vectors.toDouble(a[i]);
        }
        return out;
    }

    private static double accuracy(ExampleLosses losses, double[] theta) {
        return Arrays.stream(losses.losses(theta)).filter(l -> l < Math.log(2)).count() / (double) losses.size();
    }

    private static int[] highestLosses(ExampleLosses losses, double[] theta, int k) {
        return topByMagnitude(losses.losses(theta), k);
    }

    private static int[] topByMagnitude(double[] values, int k) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(values[b]), Math.abs(values[a])));
        return Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double[] pick(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }
}
