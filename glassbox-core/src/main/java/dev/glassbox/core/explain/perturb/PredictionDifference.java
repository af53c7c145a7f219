package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.grouping.WindowGrouping;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Prediction difference analysis (Zintgraf, Cohen, Adel and Welling, "Visualizing Deep Neural Network Decisions:
 * Prediction Difference Analysis", ICLR 2017): what the prediction loses when a part of the input is missing. A
 * {@code K×K} window (all channels) slides over the image with stride 1 or as set ({@link WindowGrouping}); the
 * class probability without it, {@code p(c | x∖w)}, is the mean of {@code p(c | x with w replaced by a sample)} over
 * {@code samples} draws, and the window's weight of evidence is
 *
 * <pre>WE(w) = log₂ odds p(c | x) − log₂ odds p(c | x∖w),   odds p = p / (1 − p),</pre>
 *
 * with both probabilities Laplace-corrected as in the paper, {@code p ← (p·N + 1) / (N + K)} for {@code N} training
 * examples and {@code K} classes. Each pixel's value is the mean weight of evidence of the windows that contain it.
 * Positive values speak for the class, negative ones against it. Samples come from {@link Sampling#MARGINAL} (the
 * window copied from a random training image) or {@link Sampling#CONDITIONAL} (a Gaussian of the window given its
 * surround of {@code padding} pixels, mean and covariance pooled over all patch positions of the training images as the
 * paper does). Probabilities are the softmax of logit models, or the scores of models that already output
 * probabilities. Every sampled input streams through the model in chunks under the memory budget of {@link
 * Execution}; each draw is seeded by its window and sample index, so results are identical for any thread count.
 */
public final class PredictionDifference implements Explainer {
    /** How a removed window is filled. */
    public enum Sampling {
        /** Each sample copies the window from one training image (the marginal at that position). */
        MARGINAL,
        /** Each sample draws the window from a Gaussian conditioned on its surround (window plus padding). */
        CONDITIONAL;

        /** Parses {@code marginal} or {@code conditional}. */
        public static Sampling parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "marginal" -> MARGINAL;
                case "conditional" -> CONDITIONAL;
                default -> throw new InvalidInputException("unknown prediction difference sampling '" + text
                        + "': expected marginal or conditional");
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The most training patches the conditional Gaussian is estimated from unless set. */
    public static final int DEFAULT_ESTIMATION_PATCHES = 250_000;

    private final Model model;
    private final int window;
    private final int padding;
    private final int stride;
    private final long seed;
    private final long trainingCount;
    private final Sampling sampling;
    private final Execution execution;
    private final WindowGrouping windows;
    private final WindowSampler sampler;

    private PredictionDifference(Builder b) {
        this.model = b.model;
        this.window = b.window;
        this.padding = b.padding;
        this.stride = b.stride;
        this.seed = b.seed;
        this.sampling = b.sampling;
        this.execution = b.execution;
        Shape shape = model.inputShape();
        if (shape.rank() != 2 && shape.rank() != 3) {
            throw new InvalidInputException("prediction difference analysis needs image inputs of shape [C, H, W] or "
                    + "[H, W], but the model takes " + shape);
        }
        int channels = shape.rank() == 3 ? shape.dim(0) : 1;
        int height = shape.dim(shape.rank() - 2);
        int width = shape.dim(shape.rank() - 1);
        if (window < 1 || window > height || window > width) {
            throw new InvalidInputException("the prediction difference window " + window + " does not fit the "
                    + height + "×" + width + " image: it must be between 1 and " + Math.min(height, width));
        }
        if (stride < 1 || stride > window) {
            throw new InvalidInputException("the prediction difference stride " + stride + " must be between 1 and the"
                    + " window " + window + ", so that every pixel is covered");
        }
        if (b.training == null || b.training.length == 0) {
            throw new InvalidInputException("prediction difference analysis needs training images to draw removed "
                    + "windows from: give at least one");
        }
        float[][] training = new float[b.training.length][];
        for (int i = 0; i < training.length; i++) {
            if (b.training[i] == null || b.training[i].length != shape.size()) {
                throw new InvalidInputException("training image " + i + " has "
                        + (b.training[i] == null ? 0 : b.training[i].length) + " values but the model takes " + shape
                        + " (" + shape.size() + " values)");
            }
            Batches.requireFinite(b.training[i], "training image " + i);
            training[i] = b.training[i].clone();
        }
        this.trainingCount = b.trainingCount > 0 ? b.trainingCount : training.length;
        this.windows = FeatureGrouping.windows(shape, new int[] {window, window}, new int[] {stride, stride});
        this.sampler = sampling == Sampling.MARGINAL ? new MarginalWindowSampler(training, b.samples)
                : new PatchGaussian(training, channels, height, width, window, padding, windows, b.samples,
                        b.estimationPatches);
    }

    /** A builder for {@code model}: window 10, padding 2, 10 conditional samples per window, stride 1, seed 0. */
    public static Builder builder(Model model) {
        return new Builder(model);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        Shape shape = model.inputShape();
        Batches.requireValid(new float[][] {input}, shape);
        float[] x = input.clone();
        float[] scores = model.predict(new float[][] {x})[0];
        int index = target.resolve(scores);
        Readout readout = new Readout(index, model.outputsLogits());
        double full = probability(readout.read(scores), index);

        int samples = sampler.samplesPerWindow();
        int count = windows.groupCount();
        long rows = (long) count * samples;
        if (rows > Integer.MAX_VALUE) {
            throw new InvalidInputException(count + " windows × " + samples + " samples are too many model "
                    + "evaluations: take a larger stride or fewer samples");
        }
        Evaluator<float[]> evaluator = Evaluator.forModel(model, readout, execution, "pda");
        double[] raw = evaluator.evaluate((int) rows, r -> {
            int w = r / samples;
            int s = r % samples;
            float[] row = x.clone();
            sampler.fill(w, windows.members(w), s, x, row, random(w, s));
            return row;
        });

        int classes = model.outputSize();
        double fullOdds = log2Odds(laplace(full, classes));
        float[] evidence = new float[count];
        for (int w = 0; w < count; w++) {
            double first = probability(raw[w * samples], index);
            double shifted = 0;
            for (int s = 1; s < samples; s++) {
                shifted += probability(raw[w * samples + s], index) - first;
            }
            double without = first + shifted / samples;
            evidence[w] = (float) (fullOdds - log2Odds(laplace(without, classes)));
        }

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sampling", sampling.toString());
        params.put("window", window);
        params.put("padding", padding);
        params.put("stride", stride);
        params.put("samples", samples);
        params.put("trainingCount", trainingCount);
        params.put("seed", seed);
        if (sampling == Sampling.CONDITIONAL) {
            params.put("covariance", "pooled over patch positions");
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("windows", (double) count);
        diagnostics.put("evaluations", (double) evaluator.evaluatedRows());
        diagnostics.put("probability", full);
        diagnostics.put("exact", sampler.exact() ? 1.0 : 0.0);
        if (sampler instanceof PatchGaussian gaussian) {
            diagnostics.put("patches", (double) gaussian.patchesUsed());
        }
        return new Attribution("pda", index, shape, windows.expand(evidence), List.of(), params, diagnostics);
    }

    /** The Laplace correction {@code (p·N + 1) / (N + K)}. */
    double laplace(double p, int classes) {
        return (p * trainingCount + 1) / ((double) trainingCount + classes);
    }

    static double log2Odds(double p) {
        return (Math.log(p) - Math.log1p(-p)) / Math.log(2);
    }

    private double probability(double value, int index) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidInputException("prediction difference analysis explains probabilities, but the model's "
                    + "output " + index + " is " + value + ": declare the model's outputs as logits, or return "
                    + "probabilities");
        }
        return value;
    }

    /** The generator of one draw, fixed by the seed, the window and the sample index alone. */
    private SplittableRandom random(int w, int s) {
        long key = (long) w * 0x9E3779B97F4A7C15L + s;
        return new SplittableRandom(mix(seed ^ mix(key)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Settings for {@link PredictionDifference}. */
    public static final class Builder {
        private final Model model;
        private int window = 10;
        private int padding = 2;
        private int stride = 1;
        private int samples = 10;
        private long seed;
        private long trainingCount;
        private float[][] training;
        private int estimationPatches = DEFAULT_ESTIMATION_PATCHES;
        private Sampling sampling = Sampling.CONDITIONAL;
        private Execution execution = Execution.defaults();

        private Builder(Model model) {
            if (model == null) {
                throw new InvalidInputException("prediction difference analysis needs a model");
            }
            this.model = model;
        }

        /** The side {@code K} of the square window, in pixels (default 10, the paper's choice on ImageNet). */
        public Builder window(int window) {
            this.window = window;
            return this;
        }

        /** The surround {@code P} conditional sampling conditions on, pixels on each side (default 2). */
        public Builder padding(int padding) {
            if (padding < 0) {
                throw new InvalidInputException("the prediction difference padding must be 0 or more pixels, was "
                        + padding);
            }
            this.padding = padding;
            return this;
        }

        /** The step between windows, in pixels (default 1, every position). */
        public Builder stride(int stride) {
            this.stride = stride;
            return this;
        }

        /**
         * Samples per window (default 10). With marginal sampling, as many samples as training images or more use
         * every training image once: the exact expectation.
         */
        public Builder samples(int samples) {
            if (samples < 1) {
                throw new InvalidInputException("prediction difference analysis needs at least one sample per window, "
                        + "was " + samples);
            }
            this.samples = samples;
            return this;
        }

        /** Marginal or conditional sampling (default conditional). */
        public Builder sampling(Sampling sampling) {
            if (sampling == null) {
                throw new InvalidInputException("sampling must be marginal or conditional, was null");
            }
            this.sampling = sampling;
            return this;
        }

        /** Training images, flattened like the model's inputs, that removed windows are sampled from. */
        public Builder training(float[][] images) {
            this.training = images == null ? null : images.clone();
            return this;
        }

        /**
         * {@code N} of the Laplace correction: the number of training examples the model saw (default: the number of
         * training images given).
         */
        public Builder trainingCount(long n) {
            if (n < 1) {
                throw new InvalidInputException("the Laplace correction's training count must be positive, was " + n);
            }
            this.trainingCount = n;
            return this;
        }

        /**
         * At most about this many training patches estimate the conditional Gaussian (default 250,000; a
         * deterministic pseudo-random share of all patch positions when there are more).
         */
        public Builder estimationPatches(int patches) {
            if (patches < 1) {
                throw new InvalidInputException("the conditional Gaussian needs at least one patch to be estimated "
                        + "from, was " + patches);
            }
            this.estimationPatches = patches;
            return this;
        }

        /** The seed of every draw. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Chunking, threads and progress of model evaluations. */
        public Builder execution(Execution execution) {
            this.execution = execution;
            return this;
        }

        public PredictionDifference build() {
            return new PredictionDifference(this);
        }
    }
}
