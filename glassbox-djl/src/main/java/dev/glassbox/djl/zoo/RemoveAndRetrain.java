package dev.glassbox.djl.zoo;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.math.Planes;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * ROAR, remove and retrain (Hooker, Erhan, Kindermans and Kim, NeurIPS 2019): a model of the architecture is trained
 * on the clean images; each method explains every training and test image (the class the model predicts) and ranks
 * its pixels by |attribution|; for each share f, the top ⌈f·pixels⌉ pixels of every image are replaced by the training
 * images' mean pixel, a fresh model of the same architecture is trained on the degraded training images with the same
 * settings and seed, and its accuracy on the degraded test images is recorded. A method whose ranking finds the
 * informative pixels makes accuracy fall faster than a random ranking (seeded, one permutation per image), which is
 * always run as the baseline; with several baseline seeds the random rankings' spread measures the noise a difference
 * between two curves must exceed.
 */
public final class RemoveAndRetrain {
    /** The name of the random ranking; further baseline seeds are named {@code random 2}, {@code random 3}, … */
    public static final String RANDOM = "random";

    /** A ranking's test accuracy after retraining on images with each share of pixels removed. */
    public record Curve(String ranking, double[] fractions, double[] accuracies) {
        /** Whether this is one of the random baseline rankings. */
        public boolean baseline() {
            return ranking.equals(RANDOM) || ranking.startsWith(RANDOM + " ");
        }
    }

    /** The clean model's test accuracy and one curve per ranking, the random rankings last. */
    public record Result(double cleanAccuracy, List<Curve> curves) {
    }

    private final String architecture;
    private final Training.Settings settings;
    private final double[] fractions;
    private final long seed;
    private final int baselines;
    private final Progress progress;

    private RemoveAndRetrain(String architecture, Training.Settings settings, double[] fractions, long seed,
            int baselines, Progress progress) {
        this.architecture = architecture;
        this.settings = settings;
        this.fractions = fractions;
        this.seed = seed;
        this.baselines = baselines;
        this.progress = progress;
    }

    /**
     * ROAR for an architecture (named as in {@link Architectures}) trained with {@code settings}, at the given shares
     * of pixels removed (each strictly between 0 and 1); {@code seed} draws the random ranking, and {@code baselines}
     * random rankings (at least one), each from its own seed, are run.
     */
    public static RemoveAndRetrain of(String architecture, Training.Settings settings, double[] fractions, long seed,
            int baselines, Progress progress) {
        if (baselines < 1) {
            throw new InvalidInputException("ROAR needs at least one random ranking as its baseline, got " + baselines);
        }
        if (fractions.length == 0) {
            throw new InvalidInputException("ROAR needs at least one share of pixels to remove");
        }
        for (double f : fractions) {
            if (!(f > 0 && f < 1)) {
                throw new InvalidInputException("ROAR removes a share of pixels strictly between 0 and 1, got " + f);
            }
        }
        Architectures.build(architecture);
        return new RemoveAndRetrain(architecture, settings, fractions.clone(), seed, baselines, progress);
    }

    /**
     * Runs ROAR: {@code methods} maps each method's name to a factory of its explainer for the clean model;
     * {@code classNames} names the classes. All images must share one size.
     */
    public Result run(LabelledImages train, LabelledImages test, Map<String, Function<BlockModel, Explainer>> methods,
            List<String> classNames) {
        int fill = meanPixel(train);
        List<Curve> curves = new ArrayList<>();
        double clean;
        // One ranking at a time is held: each method's, then each random one's, is dropped once its retrainings end.
        try (BlockModel model = train(train, classNames)) {
            clean = Classification.accuracy(model, rows(test), test.labels());
            for (Map.Entry<String, Function<BlockModel, Explainer>> method : methods.entrySet()) {
                Explainer explainer = method.getValue().apply(model);
                String name = method.getKey();
                curves.add(curve(name, rank(explainer, train, name), rank(explainer, test, name), train, test, fill,
                        classNames));
            }
        }
        int pixels = train.rows() * train.cols();
        for (int b = 0; b < baselines; b++) {
            long drawn = seed + 2L * b;
            curves.add(curve(b == 0 ? RANDOM : RANDOM + " " + (b + 1), randomRankings(train.count(), pixels, drawn),
                    randomRankings(test.count(), pixels, drawn + 1), train, test, fill, classNames));
        }
        return new Result(clean, curves);
    }

    /** A ranking's curve: for each share, a fresh model trained on the degraded training images, on the degraded test. */
    private Curve curve(String name, int[][] trainRanking, int[][] testRanking, LabelledImages train,
            LabelledImages test, int fill, List<String> classNames) {
        double[] accuracies = new double[fractions.length];
        for (int f = 0; f < fractions.length; f++) {
            progress.update("retraining for " + name + " at " + fractions[f], f, fractions.length);
            LabelledImages degradedTest = remove(test, testRanking, fractions[f], fill);
            try (BlockModel model = train(remove(train, trainRanking, fractions[f], fill), classNames)) {
                accuracies[f] = Classification.accuracy(model, rows(degradedTest), degradedTest.labels());
            }
        }
        return new Curve(name, fractions.clone(), accuracies);
    }

    private BlockModel train(LabelledImages images, List<String> classNames) {
        return ImageClassifierTraining.train(architecture, Architectures.build(architecture), images, classNames,
                settings, Progress.NONE);
    }

    /** Every image's pixel ranking by its map for the class the model predicts, explained in chunks of 256 images. */
    private int[][] rank(Explainer explainer, LabelledImages images, String name) {
        float[][] all = rows(images);
        int[][] out = new int[all.length][];
        for (int from = 0; from < all.length; from += 256) {
            int to = Math.min(all.length, from + 256);
            int[][] chunk = rankings(explainer.explain(Arrays.copyOfRange(all, from, to), Target.PREDICTED));
            System.arraycopy(chunk, 0, out, from, chunk.length);
            progress.update("explaining with " + name, to, all.length);
        }
        return out;
    }

    private static float[][] rows(LabelledImages images) {
        float[][] out = new float[images.count()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = images.image(i);
        }
        return out;
    }

    /** Each map's pixels ordered by |attribution| (summed over channels), largest first, lower index first on ties. */
    static int[][] rankings(List<Attribution> maps) {
        int[][] out = new int[maps.size()][];
        for (int i = 0; i < out.length; i++) {
            Attribution map = maps.get(i);
            double[] plane = Planes.plane(map.inputValues(), map.grouping().inputShape());
            Integer[] order = new Integer[plane.length];
            for (int p = 0; p < plane.length; p++) {
                order[p] = p;
            }
            Arrays.sort(order, (a, b) -> {
                int byValue = Double.compare(Math.abs(plane[b]), Math.abs(plane[a]));
                return byValue != 0 ? byValue : Integer.compare(a, b);
            });
            out[i] = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** One uniformly random order of the pixels per image (Fisher–Yates), from a seed. */
    static int[][] randomRankings(int images, int pixels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] out = new int[images][];
        for (int i = 0; i < images; i++) {
            int[] order = new int[pixels];
            for (int p = 0; p < pixels; p++) {
                order[p] = p;
            }
            for (int p = pixels - 1; p > 0; p--) {
                int q = random.nextInt(p + 1);
                int t = order[p];
                order[p] = order[q];
                order[q] = t;
            }
            out[i] = order;
        }
        return out;
    }

    /** The images with the first ⌈fraction · pixels⌉ pixels of each one's ranking set to {@code fill} (0–255). */
    public static LabelledImages remove(LabelledImages images, int[][] rankings, double fraction, int fill) {
        int size = images.rows() * images.cols();
        int removed = (int) Math.ceil(fraction * size - 1e-9);
        byte[] pixels = images.pixels();
        for (int i = 0; i < images.count(); i++) {
            for (int r = 0; r < removed; r++) {
                pixels[i * size + rankings[i][r]] = (byte) fill;
            }
        }
        return new LabelledImages(images.count(), images.rows(), images.cols(), pixels, images.labels());
    }

    /** The mean pixel of the images (0–255, rounded): the per-channel mean that removed pixels take. */
    public static int meanPixel(LabelledImages images) {
        long total = 0;
        for (byte b : images.pixels()) {
            total += b & 0xff;
        }
        return (int) Math.round(total / (double) Math.max(1, images.pixels().length));
    }
}
