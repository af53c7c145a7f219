package dev.glassbox.djl.robust.explanation;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Model;
import dev.glassbox.djl.robust.InputBounds;
import dev.glassbox.djl.robust.Pgd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An attack on an explanation (Ghorbani, Abid and Zou 2019, "Interpretation of neural networks is fragile";
 * Dombrowski et al. 2019): a perturbation δ with ‖δ‖∞ ≤ ε, x + δ kept in the input bounds, that keeps the predicted
 * class c but lowers a {@link MapGoal}'s loss L of the absolute map |map_c(x + δ)| — the share of the original top-k
 * features in the map, or the distance to a target map.
 *
 * <p>Each of {@code steps} steps estimates ∇L at the current point x_t by Gaussian smoothing with n antithetic pairs
 * of radius σ ({@code SmoothedGradient}: the map of a ReLU network is piecewise constant, so its exact gradient is
 * zero almost everywhere; Ghorbani and Dombrowski smooth the network instead), adds it to a momentum
 * v ← μ v + ĝ / ‖ĝ‖₁ (Dong et al. 2018, which averages the noisy estimates over steps), takes the candidate
 * x_t − α · sign(v), projects it onto the ε-ball around x and clamps it to the bounds. A candidate whose predicted
 * class differs from c is rejected (the attack stays at x_t); among the accepted points the one with the lowest loss
 * is kept, x itself if none improves. The attack sees only predictions and maps, so it works on any model and any
 * {@link Explainer}. The perturbed copies of several inputs go through the explainer together, at most
 * {@code rowsPerCall} rows per call. Directions come from the seed and the input's position only.
 *
 * <p>With a {@link SoftplusSurrogate} ({@link Builder#surrogate}) each step instead takes the exact gradient of the
 * loss of the surrogate's map by double backward — the papers' own white-box attack, for models whose graph glassbox
 * holds; acceptance and the kept point are still judged on the model and the explainer themselves.
 *
 * <p>{@link #randomSigns} is Ghorbani's baseline: x + ε · s, s a seeded random sign vector, clamped to the bounds.
 */
public final class ExplanationAttack {
    private static final long STREAM = 0x9E3779B97F4A7C15L;

    private final Model model;
    private final Explainer explainer;
    private final String name;
    private final double epsilon;
    private final int steps;
    private final double stepSize;
    private final double sigma;
    private final double momentum;
    private final SmoothedGradient estimator;
    private final SurrogateGradient surrogate;
    private final InputBounds bounds;
    private final long seed;
    private final double topKShare;
    private final MapGoal goal;
    private final int rowsPerCall;
    private final Progress progress;

    private ExplanationAttack(Builder b) {
        this.model = b.model;
        this.explainer = b.explainer;
        this.name = b.name;
        this.epsilon = b.epsilon;
        this.steps = b.steps;
        this.stepSize = Double.isNaN(b.stepSize) ? Pgd.defaultStepSize(b.epsilon, b.steps) : b.stepSize;
        this.sigma = Double.isNaN(b.sigma) ? defaultSigma(b.epsilon) : b.sigma;
        this.momentum = b.momentum;
        this.estimator = new SmoothedGradient(b.samples, sigma);
        this.surrogate = b.surrogate;
        this.bounds = b.bounds;
        this.seed = b.seed;
        this.topKShare = b.topKShare;
        this.goal = b.goal != null ? b.goal : MapGoal.topKShare(b.topKShare);
        this.rowsPerCall = b.rowsPerCall;
        this.progress = b.progress;
    }

    /** σ = ε / 2 (0.005 for ε = 0): wide enough to cross the ReLUs' kinks, narrow enough to stay near the ball. */
    public static double defaultSigma(double epsilon) {
        return epsilon > 0 ? epsilon / 2 : 0.005;
    }

    /** An attack on the maps {@code explainer} draws of {@code model}'s predicted classes. */
    public static Builder of(Model model, Explainer explainer) {
        return new Builder(model, explainer);
    }

    /** The step size α in use. */
    public double stepSize() {
        return stepSize;
    }

    /** The smoothing radius σ in use. */
    public double sigma() {
        return sigma;
    }

    /** The number of features k of the top-k region for inputs of {@code features} values. */
    public int topK(int features) {
        return MapGoal.topK(topKShare, features);
    }

    /** Attacks each input's map; one result per input, in order. */
    public List<ExplanationAttackResult> attack(float[][] inputs) {
        if (inputs.length == 0) {
            return List.of();
        }
        Start start = new Start(inputs);
        int n = inputs.length;
        float[][] current = new float[n][];
        float[][] best = new float[n][];
        double[] bestLoss = start.evaluation.losses.clone();
        int[] accepted = new int[n];
        double[][] velocity = new double[n][inputs[0].length];
        SplittableRandom[] randoms = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            current[i] = inputs[i].clone();
            best[i] = inputs[i];
            randoms[i] = new SplittableRandom(seed + STREAM * i);
        }
        progress.update(task(), 0, steps);
        for (int t = 0; t < steps; t++) {
            float[][] candidates = candidates(inputs, current, start, randoms, velocity);
            Evaluation moved = evaluate(candidates, start);
            for (int i = 0; i < n; i++) {
                if (moved.classes[i] != start.classes[i]) {
                    continue;
                }
                current[i] = candidates[i];
                accepted[i]++;
                if (moved.losses[i] < bestLoss[i]) {
                    bestLoss[i] = moved.losses[i];
                    best[i] = candidates[i];
                }
            }
            progress.update(task(), t + 1, steps);
        }
        return results(start, best, accepted);
    }

    /** Ghorbani's random baseline: each input moved by ε along a seeded random sign vector, clamped to the bounds. */
    public List<ExplanationAttackResult> randomSigns(float[][] inputs) {
        Start start = new Start(inputs);
        float[][] moved = new float[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            SplittableRandom random = new SplittableRandom(~seed + STREAM * i);
            moved[i] = new float[inputs[i].length];
            for (int j = 0; j < moved[i].length; j++) {
                moved[i][j] = bounds.clamp((float) (inputs[i][j] + (random.nextBoolean() ? epsilon : -epsilon)));
            }
        }
        return results(start, moved, new int[inputs.length]);
    }

    private String task() {
        return "attacking " + name;
    }

    /**
     * One step from each current point: the loss gradient (smoothed, or exact on the surrogate), a signed step,
     * projection and clamping.
     */
    private float[][] candidates(float[][] inputs, float[][] current, Start start, SplittableRandom[] randoms,
            double[][] velocity) {
        int perInput = surrogate != null ? surrogate.pointsPerRow() : estimator.points();
        int inputsPerCall = Math.max(1, rowsPerCall / perInput);
        float[][] out = new float[inputs.length][];
        for (int from = 0; from < inputs.length; from += inputsPerCall) {
            int to = Math.min(inputs.length, from + inputsPerCall);
            double[][] gradients = surrogate != null ? surrogate.of(Arrays.copyOfRange(current, from, to),
                    Arrays.copyOfRange(start.classes, from, to), Arrays.copyOfRange(start.objectives, from, to),
                    goal.readsOutputs()) : smoothedGradients(current, from, to, start, randoms);
            for (int i = from; i < to; i++) {
                double[] g = gradients[i - from];
                double length = 0;
                for (double v : g) {
                    length += Math.abs(v);
                }
                for (int j = 0; j < g.length; j++) {
                    velocity[i][j] = momentum * velocity[i][j] + (length > 0 ? g[j] / length : 0);
                }
                out[i] = step(inputs[i], current[i], velocity[i]);
            }
        }
        return out;
    }

    /** The smoothed estimates of the loss gradient at the current points of inputs {@code [from, to)}. */
    private double[][] smoothedGradients(float[][] current, int from, int to, Start start,
            SplittableRandom[] randoms) {
        int perInput = estimator.points();
        float[][][] directions = new float[to - from][][];
        float[][] rows = new float[(to - from) * perInput][];
        int[] owners = new int[rows.length];
        for (int i = from; i < to; i++) {
            directions[i - from] = estimator.directions(current[i].length, randoms[i]);
            float[][] points = estimator.points(current[i], directions[i - from]);
            System.arraycopy(points, 0, rows, (i - from) * perInput, perInput);
            Arrays.fill(owners, (i - from) * perInput, (i - from + 1) * perInput, i);
        }
        double[] losses = losses(rows, owners, start);
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = estimator.estimate(losses, (i - from) * perInput, directions[i - from]);
        }
        return out;
    }

    /** x_t − α sign(v), projected onto the ε-ball around x and clamped to the bounds. */
    private float[] step(float[] x, float[] current, double[] v) {
        float[] out = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            double moved = current[j] - stepSize * Math.signum(v[j]);
            double delta = Math.max(-epsilon, Math.min(epsilon, moved - x[j]));
            out[j] = bounds.clamp((float) (x[j] + delta));
        }
        return out;
    }

    /** Each row's loss under its owner's objective (rows explained for the owner's class). */
    private double[] losses(float[][] rows, int[] owners, Start start) {
        int[] classes = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            classes[r] = start.classes[owners[r]];
        }
        List<Attribution> maps = explainer.explain(rows, classes);
        float[][] scores = goal.readsOutputs() ? model.predict(rows) : null;
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double[] p = scores == null ? null : probabilities(scores[r]);
            out[r] = start.objectives[owners[r]].loss(absolute(maps.get(r).values()), p);
        }
        return out;
    }

    /**
     * Predictions, maps and losses of one row per input, in calls of at most rowsPerCall; before the start is known
     * ({@code start} null) the maps are of the predicted classes and the losses are left to the caller.
     */
    private Evaluation evaluate(float[][] rows, Start start) {
        Evaluation out = new Evaluation(rows.length);
        for (int from = 0; from < rows.length; from += rowsPerCall) {
            int to = Math.min(rows.length, from + rowsPerCall);
            float[][] part = Arrays.copyOfRange(rows, from, to);
            float[][] scores = model.predict(part);
            int[] classes = new int[part.length];
            for (int i = from; i < to; i++) {
                out.probabilities[i] = probabilities(scores[i - from]);
                out.classes[i] = Vectors.argmax(scores[i - from]);
                classes[i - from] = start == null ? out.classes[i] : start.classes[i];
            }
            List<Attribution> maps = explainer.explain(part, classes);
            for (int i = from; i < to; i++) {
                out.maps[i] = absolute(maps.get(i - from).values());
                if (start != null) {
                    out.losses[i] = start.objectives[i].loss(out.maps[i], out.probabilities[i]);
                }
            }
        }
        return out;
    }

    private List<ExplanationAttackResult> results(Start start, float[][] perturbed, int[] accepted) {
        Evaluation end = evaluate(perturbed, start);
        Evaluation begin = start.evaluation;
        List<ExplanationAttackResult> out = new ArrayList<>(perturbed.length);
        for (int i = 0; i < perturbed.length; i++) {
            int k = topK(begin.maps[i].length);
            out.add(new ExplanationAttackResult(perturbed[i].clone(), begin.maps[i], end.maps[i], start.classes[i],
                    begin.probabilities[i][start.classes[i]], end.classes[i],
                    end.probabilities[i][end.classes[i]], MapShift.between(begin.maps[i], end.maps[i], k),
                    begin.losses[i], end.losses[i], accepted[i]));
        }
        return out;
    }

    private double[] probabilities(float[] scores) {
        return model.outputsLogits() ? Vectors.softmax(scores) : Vectors.toDouble(scores);
    }

    /** |v| value by value: the maps the attack reads. */
    static float[] absolute(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(values[i]);
        }
        return out;
    }

    /** The inputs' predicted classes, their maps and the objectives built from them. */
    private final class Start {
        final int[] classes;
        final Evaluation evaluation;
        final MapGoal.Objective[] objectives;

        Start(float[][] inputs) {
            for (float[] input : inputs) {
                if (input.length != model.inputShape().size()) {
                    throw new InvalidInputException("an input has " + input.length + " values, the model takes "
                            + model.inputShape().size());
                }
                for (float v : input) {
                    if (!bounds.contains(v)) {
                        throw new InvalidInputException("an input holds " + v + ", outside the bounds ["
                                + bounds.lower() + ", " + bounds.upper() + "]");
                    }
                }
            }
            evaluation = evaluate(inputs, null);
            classes = evaluation.classes;
            objectives = new MapGoal.Objective[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                objectives[i] = goal.objective(evaluation.maps[i], evaluation.probabilities[i]);
                evaluation.losses[i] = objectives[i].loss(evaluation.maps[i], evaluation.probabilities[i]);
            }
        }
    }

    /** Per row: predicted class, output probabilities, absolute map, loss. */
    private static final class Evaluation {
        final int[] classes;
        final double[][] probabilities;
        final float[][] maps;
        final double[] losses;

        Evaluation(int rows) {
            classes = new int[rows];
            probabilities = new double[rows][];
            maps = new float[rows][];
            losses = new double[rows];
        }
    }

    /** The attack's settings. */
    public static final class Builder {
        private final Model model;
        private final Explainer explainer;
        private String name = "explanation";
        private double epsilon = Double.NaN;
        private int steps = 20;
        private double stepSize = Double.NaN;
        private int samples = 16;
        private double sigma = Double.NaN;
        private double momentum = 0.9;
        private InputBounds bounds = InputBounds.NONE;
        private long seed;
        private double topKShare = 0.1;
        private MapGoal goal;
        private int rowsPerCall = 512;
        private Progress progress = Progress.NONE;
        private SurrogateGradient surrogate;

        private Builder(Model model, Explainer explainer) {
            this.model = Objects.requireNonNull(model, "model");
            this.explainer = Objects.requireNonNull(explainer, "explainer");
        }

        /** The explanation's name, for progress reports (default "explanation"). */
        public Builder name(String value) {
            name = Objects.requireNonNull(value, "name");
            return this;
        }

        /** The radius ε ≥ 0 of the L∞ ball around each input. */
        public Builder epsilon(double value) {
            epsilon = finiteAtLeastZero(value, "ε");
            return this;
        }

        /** The number of steps, at least 1 (default 20). */
        public Builder steps(int value) {
            if (value < 1) {
                throw new InvalidInputException("the attack needs at least 1 step, got " + value);
            }
            steps = value;
            return this;
        }

        /** The step size α ≥ 0 (default 2.5 ε / steps, as PGD). */
        public Builder stepSize(double value) {
            stepSize = finiteAtLeastZero(value, "the step size");
            return this;
        }

        /** Antithetic pairs n of the gradient estimate, at least 1 (default 16: 32 maps per step and input). */
        public Builder samples(int value) {
            if (value < 1) {
                throw new InvalidInputException("the gradient estimate needs at least 1 sample pair, got " + value);
            }
            samples = value;
            return this;
        }

        /**
         * The momentum μ ∈ [0, 1) of the step direction (default 0.9): v ← μ v + ĝ / ‖ĝ‖₁, step along sign(v), as
         * Dong et al.'s momentum iterative attack; it averages the noisy estimates over steps.
         */
        public Builder momentum(double value) {
            if (!(value >= 0 && value < 1)) {
                throw new InvalidInputException("the momentum must lie in [0, 1), got " + value);
            }
            momentum = value;
            return this;
        }

        /** The smoothing radius σ > 0 of the gradient estimate (default {@link #defaultSigma}). */
        public Builder sigma(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new InvalidInputException("σ must be a finite number > 0, got " + value);
            }
            sigma = value;
            return this;
        }

        /** The box perturbed inputs are clamped to (default: none); inputs must lie in it. */
        public Builder bounds(InputBounds value) {
            bounds = Objects.requireNonNull(value, "bounds");
            return this;
        }

        /** The seed of the directions and of the random baseline (default 0). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The share of the features in the top-k region the maps are compared on (default 0.1). */
        public Builder topKShare(double value) {
            if (!(value > 0 && value <= 1)) {
                throw new InvalidInputException("the top-k share must lie in (0, 1], got " + value);
            }
            topKShare = value;
            return this;
        }

        /** What the attack lowers (default: the top-k attack on {@link #topKShare}). */
        public Builder goal(MapGoal value) {
            goal = Objects.requireNonNull(value, "goal");
            return this;
        }

        /** The most perturbed copies handed to the explainer in one call (default 512). */
        public Builder rowsPerCall(int value) {
            if (value < 1) {
                throw new InvalidInputException("rows per call must be at least 1, got " + value);
            }
            rowsPerCall = value;
            return this;
        }

        /**
         * Take each step along the exact gradient of the loss on {@code net}, the model's softplus surrogate, with
         * the explainer's map computed there as {@code map} (Ghorbani's and Dombrowski's white-box attack), instead
         * of the smoothed estimate; the explainer still judges every candidate on the model itself.
         */
        public Builder surrogate(SoftplusSurrogate net, SurrogateMap map) {
            if (net.model() != model) {
                throw new InvalidInputException("the softplus surrogate stands for another model than the one attacked");
            }
            surrogate = new SurrogateGradient(net, Objects.requireNonNull(map, "map"));
            return this;
        }

        /** Where to report steps done (default: nowhere). */
        public Builder progress(Progress value) {
            progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /** The attack. */
        public ExplanationAttack build() {
            if (Double.isNaN(epsilon)) {
                throw new InvalidInputException("the attack needs ε (epsilon)");
            }
            return new ExplanationAttack(this);
        }

        private static double finiteAtLeastZero(double value, String what) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new InvalidInputException(what + " must be a finite number ≥ 0, got " + value);
            }
            return value;
        }
    }
}
