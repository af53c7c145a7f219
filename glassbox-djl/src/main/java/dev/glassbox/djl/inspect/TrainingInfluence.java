package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.inspect.ExampleLosses;
import dev.glassbox.core.inspect.FactoredExampleLosses;
import dev.glassbox.core.inspect.InfluenceFunctions;
import dev.glassbox.core.inspect.InfluenceRanking;
import dev.glassbox.core.inspect.InverseHessian;
import dev.glassbox.core.inspect.LeaveOneOut;
import dev.glassbox.core.inspect.NewtonStepInfluence;
import dev.glassbox.core.inspect.RegularisedRisk;
import dev.glassbox.core.inspect.SoftmaxLosses;
import dev.glassbox.core.inspect.TracIn;
import dev.glassbox.core.inspect.TruncatedNewton;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.metrics.Correlation;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.LayeredModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which training examples made a layered model's predictions, by influence functions on its last layers (Koh &amp;
 * Liang 2017), by their Newton step (each removed example's own curvature taken out of the Hessian), by TracIn over
 * checkpoints of the head's training (Pruthi et al. 2020), or by exact leave-one-out retraining of the head
 * ({@link Method}): the training inputs' activations at a layer are the features of a head whose weights are fitted to
 * convergence of an L2-regularised cross-entropy (warm-started at the model's own weights where it has a head glassbox
 * can run, {@link Head#MODEL}; otherwise a softmax regression, {@link Head#SURROGATE}, which needs only the layer's
 * activations and so works on TorchScript split models too). For each test input, the loss of its predicted class is
 * the quantity explained: its proponents are the training examples whose removal would raise it most, its opponents
 * those whose removal would lower it most. Self-influence ranks the training examples the head bends to most —
 * candidates for mislabelling. Deterministic: LiSSA's mini-batches are drawn with the seed, nothing else is random.
 */
public final class TrainingInfluence {

    /** Which weights the influence is taken over. */
    public enum Head {
        /** A softmax regression over the layer's activations, fitted in double precision (any layered model). */
        SURROGATE,
        /** The model's own linear layers after the layer, refitted from their trained weights (DJL block models). */
        MODEL
    }

    /** How each training example's effect on a prediction is obtained. */
    public enum Method {
        /** Influence functions: {@code (1/n) ∇L(z_test)ᵀ (H + δI)⁻¹ ∇L(z)} at the fitted head. */
        INFLUENCE,
        /**
         * The Newton step ({@link NewtonStepInfluence}): influence functions with each removed example's own curvature
         * taken out of the Hessian, {@code (1/n) ∇L(z_test)ᵀ (H + δI − ∇²L(z)/n)⁻¹ ∇L(z)}; for the surrogate head,
         * whose per-example Hessians are in closed form.
         */
        NEWTON,
        /**
         * TracIn: {@code Σ_c η_c ∇L(θ_c, z) · ∇L(θ_c, z_test)} over checkpoints of the head's fit by full-batch
         * gradient descent from where the fit starts (zero for the surrogate head, the model's trained weights for its
         * own head).
         */
        TRACIN,
        /**
         * Exact leave-one-out: the head retrained to convergence without each training example in turn (the ground
         * truth; one retraining per training example), compared with influence functions' predictions.
         */
        LOO
    }

    /** How {@code (H + δI)⁻¹ v} is computed. */
    public enum Solver {
        /** {@link #EXACT} up to {@value TrainingInfluence#EXACT_LIMIT} parameters, {@link #CG} above. */
        AUTO,
        /** The Hessian assembled from one Hessian–vector product per parameter and factored (few parameters). */
        EXACT,
        /** Conjugate gradients over Hessian–vector products (double backward on the engine for {@link Head#MODEL}). */
        CG,
        /** LiSSA: the stochastic Neumann series over mini-batch Hessian–vector products (seeded). */
        LISSA
    }

    /** How a result's effects were obtained: one of the records below, by {@link Method}. */
    public sealed interface Estimate permits InfluenceEstimate, TracInEstimate, RetrainingEstimate {
    }

    /**
     * Influence functions: the solver used, and the relative residual {@code ‖(H + δI)x − v‖ / ‖v‖} of its solve
     * for the first input's loss gradient (about 1e-15 exact, 1e-8 by conjugate gradients; LiSSA's shows how far its
     * truncated series is from the inverse).
     */
    public record InfluenceEstimate(Solver solver, double residual) implements Estimate {
    }

    /** TracIn: the number of checkpoints, the gradient-descent steps they span, the first and last step sizes. */
    public record TracInEstimate(int checkpoints, int steps, double firstStep, double lastStep) implements Estimate {
    }

    /**
     * Leave-one-out: the number of retrainings, and for each input how well the actual effects are predicted by
     * influence functions (with {@code influence}'s solver) and by the Newton step: the Pearson correlation, and the
     * least-squares slope through 0 of the actual effects on the predicted ones (1 when their sizes are right; above 1
     * when the prediction is too small). The Newton step's arrays are empty for a head without closed-form
     * per-example Hessians ({@link Head#MODEL}).
     */
    public record RetrainingEstimate(int retrainings, InfluenceEstimate influence, double[] influenceCorrelation,
            double[] influenceSlope, double[] newtonStepCorrelation, double[] newtonStepSlope) implements Estimate {
    }

    /**
     * One prediction's proponents and opponents, each with the predicted change of the prediction's loss if that
     * training example were removed (positive for proponents).
     */
    public record Prediction(int predicted, double loss, int[] proponents, double[] proponentEffects, int[] opponents,
            double[] opponentEffects) {
    }

    /**
     * The analysis: its settings and how the effects were obtained, how well the head was fitted (largest gradient component of the risk at the end;
     * the mean probability the fitted head gives the model's predicted classes of the test inputs), each test input's prediction, and every
     * training example's self-influence with the indices of the largest first.
     */
    public record Result(String layer, Head head, Method method, Estimate estimate, double l2, double damping,
            int trainCount,
            int parameterCount, double fitGradient, double agreement, List<Prediction> predictions,
            double[] selfInfluence, int[] mostSelfInfluential) {
    }

    /** The most parameters whose Hessian is assembled and factored (a 2,500² matrix: 50 MB). */
    static final int EXACT_LIMIT = 2500;

    /** Power-iteration steps for the largest curvature (LiSSA's scale, gradient descent's step). */
    private static final int POWER_STEPS = 50;

    private final String layer;
    private final Head head;
    private final Method method;
    private final Solver solver;
    private final double l2;
    private final double damping;
    private final int top;
    private final Lissa lissa;
    private final int checkpoints;
    private final int descentSteps;

    private TrainingInfluence(Builder b) {
        this.layer = b.layer;
        this.head = b.head;
        this.method = b.method;
        this.solver = b.solver;
        this.l2 = b.l2;
        this.damping = b.damping;
        this.top = b.top;
        this.lissa = b.lissa;
        this.checkpoints = b.checkpoints;
        this.descentSteps = b.descentSteps;
    }

    /**
     * LiSSA's settings: the series' {@code depth}, the mini-batch size, the number of averaged runs, the seed of the
     * mini-batches, and the scale {@code s} (which must exceed the largest eigenvalue of the mini-batch Hessians);
     * {@link #AUTO_SCALE} takes twice the damped Hessian's largest eigenvalue.
     */
    public record Lissa(int depth, int batch, int repeats, long seed, double scale) {
        /** The scale value that asks for twice the damped Hessian's largest eigenvalue. */
        public static final double AUTO_SCALE = 0;

        /** Depth 1,000, mini-batches of 100, one run, seed 0, automatic scale. */
        public static final Lissa DEFAULT = new Lissa(1000, 100, 1, 0, AUTO_SCALE);
    }

    /** A builder for the analysis at {@code layer}. */
    public static Builder at(String layer) {
        return new Builder(layer);
    }

    /** Settings of the analysis. */
    public static final class Builder {
        private final String layer;
        private Head head = Head.SURROGATE;
        private Method method = Method.INFLUENCE;
        private Solver solver = Solver.AUTO;
        private Lissa lissa = Lissa.DEFAULT;
        private int checkpoints = 10;
        private int descentSteps = 100;
        private double l2 = 1e-3;
        private double damping;
        private int top = 5;

        private Builder(String layer) {
            this.layer = layer;
        }

        /** Which weights influence is taken over (default {@link Head#SURROGATE}). */
        public Builder head(Head value) {
            head = value;
            return this;
        }

        /** How the effects are obtained (default {@link Method#INFLUENCE}). */
        public Builder method(Method value) {
            method = value;
            return this;
        }

        /** LiSSA's settings, for {@link Solver#LISSA} (default {@link Lissa#DEFAULT}). */
        public Builder lissa(Lissa value) {
            lissa = value;
            return this;
        }

        /**
         * For {@link Method#TRACIN}: {@code count} checkpoints spread evenly over {@code steps} steps of gradient
         * descent (defaults 10 and 100).
         */
        public Builder checkpoints(int count, int steps) {
            checkpoints = count;
            descentSteps = steps;
            return this;
        }

        /** How the damped Hessian is inverted (default {@link Solver#AUTO}). */
        public Builder solver(Solver value) {
            solver = value;
            return this;
        }

        /** The L2 strength λ of the risk the head minimises (default 0.001). */
        public Builder l2(double value) {
            l2 = value;
            return this;
        }

        /** The damping δ added to the Hessian (default 0). */
        public Builder damping(double value) {
            damping = value;
            return this;
        }

        /** How many proponents, opponents and self-influential examples to report (default 5). */
        public Builder top(int value) {
            top = value;
            return this;
        }

        /** The analysis. */
        public TrainingInfluence build() {
            if (!(l2 > 0) || !(damping >= 0) || Double.isInfinite(l2) || Double.isInfinite(damping) || top < 1) {
                throw new InvalidInputException("influence needs a positive finite L2 strength, a finite damping of "
                        + "at least 0 and at least one example to report; got L2 " + l2 + ", damping " + damping
                        + ", top " + top);
            }
            if (lissa.depth() < 1 || lissa.batch() < 1 || lissa.repeats() < 1 || !(lissa.scale() >= 0)) {
                throw new InvalidInputException("LiSSA needs a depth, batch and number of repeats of at least 1 and a "
                        + "scale of at least 0 (0: automatic); got " + lissa);
            }
            if (method == Method.NEWTON && head != Head.SURROGATE) {
                throw new InvalidInputException("the Newton step needs each training example's Hessian in closed form, "
                        + "which only the surrogate head gives");
            }
            if (checkpoints < 1 || descentSteps < checkpoints) {
                throw new InvalidInputException("TracIn needs at least one checkpoint and at least as many descent "
                        + "steps as checkpoints; got " + checkpoints + " checkpoints over " + descentSteps + " steps");
            }
            return new TrainingInfluence(this);
        }
    }

    /**
     * Runs the analysis: the training inputs with their labels, and the test inputs whose predictions are explained.
     */
    public Result analyse(LayeredModel model, float[][] trainInputs, int[] trainLabels, float[][] testInputs,
            Progress progress) {
        if (!model.layerNames().contains(layer)) {
            throw new InvalidInputException("no layer named '" + layer + "'; layers: " + String.join(", ",
                    model.layerNames()));
        }
        if (trainInputs.length < 2 || trainInputs.length != trainLabels.length || testInputs.length == 0) {
            throw new InvalidInputException("influence needs at least 2 training inputs with one label each and at "
                    + "least one test input; got " + trainInputs.length + " training inputs, " + trainLabels.length
                    + " labels, " + testInputs.length + " test inputs");
        }
        float[][] trainFeatures = activations(model, trainInputs);
        float[][] testFeatures = activations(model, testInputs);
        int[] predicted = Arrays.stream(model.predict(testInputs)).mapToInt(Vectors::argmax).toArray();
        if (head == Head.MODEL) {
            if (!(model instanceof BlockModel block)) {
                throw new InvalidInputException("--weights model needs a DJL block model; " + model + " is not one: use "
                        + "the surrogate head");
            }
            try (HeadLosses train = HeadLosses.of(block, layer, trainFeatures, trainLabels);
                    HeadLosses test = HeadLosses.of(block, layer, testFeatures, predicted)) {
                return run(train, test, train.theta(), predicted, progress);
            }
        }
        int classes = model.outputSize();
        SoftmaxLosses train = new SoftmaxLosses(toDouble(trainFeatures), trainLabels, classes);
        SoftmaxLosses test = new SoftmaxLosses(toDouble(testFeatures), predicted, classes);
        return run(train, test, new double[train.parameterCount()], predicted, progress);
    }

    private Result run(ExampleLosses train, ExampleLosses test, double[] start, int[] predicted, Progress progress) {
        RegularisedRisk risk = new RegularisedRisk(train, l2);
        TruncatedNewton fitter = new TruncatedNewton(1e-9, 200);
        TruncatedNewton.Result fit = fitter.minimize(risk, start);
        double[] theta = fit.theta();
        int[] all = test.all();
        double[][] effects;
        double[] self;
        Estimate estimate;
        switch (method) {
            case TRACIN -> {
                double step = 1 / risk.largestCurvature(start, POWER_STEPS);
                List<TracIn.Checkpoint> saved = TracIn.gradientDescent(risk, test, start, step, descentSteps,
                        descentSteps / checkpoints);
                effects = TracIn.scores(saved, all);
                self = TracIn.selfInfluence(saved);
                estimate = new TracInEstimate(saved.size(), descentSteps, saved.get(0).learningRate(),
                        saved.get(saved.size() - 1).learningRate());
            }
            case NEWTON -> {
                Inverse inverse = inverse(risk, theta, test, progress);
                NewtonStepInfluence.Effects step = new NewtonStepInfluence(risk, theta, inverse.solver())
                        .effects(test, all, progress);
                effects = step.removalEffects();
                self = step.selfInfluence();
                estimate = inverse.estimate();
            }
            case LOO -> {
                Inverse inverse = inverse(risk, theta, test, progress);
                double[][] predictedEffects = new InfluenceFunctions(risk, theta, inverse.solver())
                        .removalEffects(test, all, progress);
                double[][] newtonEffects = train instanceof FactoredExampleLosses
                        ? new NewtonStepInfluence(risk, theta, inverse.solver()).effects(test, all, progress)
                                .removalEffects()
                        : new double[0][];
                LeaveOneOut.Changes changes = LeaveOneOut.changes(risk, theta, test, all, train.all(), fitter,
                        progress);
                effects = changes.testLossChanges();
                self = changes.ownLossChanges();
                estimate = new RetrainingEstimate(train.size(), inverse.estimate(), correlations(predictedEffects,
                        effects), slopes(predictedEffects, effects), correlations(newtonEffects, effects),
                        slopes(newtonEffects, effects));
            }
            default -> {
                Inverse inverse = inverse(risk, theta, test, progress);
                InfluenceFunctions influence = new InfluenceFunctions(risk, theta, inverse.solver());
                effects = influence.removalEffects(test, all, progress);
                self = influence.selfInfluence(progress);
                estimate = inverse.estimate();
            }
        }
        double[] testLosses = test.losses(theta);
        double agreement = Arrays.stream(testLosses).map(l -> Math.exp(-l)).average().orElseThrow();
        List<Prediction> predictions = new ArrayList<>();
        for (int t = 0; t < all.length; t++) {
            InfluenceRanking ranking = InfluenceRanking.of(effects[t], top);
            predictions.add(new Prediction(predicted[t], testLosses[t], ranking.proponents(),
                    pick(effects[t], ranking.proponents()), ranking.opponents(), pick(effects[t], ranking.opponents())));
        }
        int[] most = InfluenceRanking.of(self, top).proponents();
        return new Result(layer, head, method, estimate, l2, damping, train.size(), theta.length, fit.gradientNorm(),
                agreement, predictions, self, most);
    }

    /** An inverse-Hessian solver with what the result reports of it. */
    private record Inverse(InverseHessian solver, InfluenceEstimate estimate) {
    }

    /** The chosen solver at the minimiser, checked on the first test input's loss gradient. */
    private Inverse inverse(RegularisedRisk risk, double[] theta, ExampleLosses test, Progress progress) {
        Solver chosen = solver != Solver.AUTO ? solver : theta.length <= EXACT_LIMIT ? Solver.EXACT : Solver.CG;
        if (chosen == Solver.EXACT && theta.length > 2 * EXACT_LIMIT) {
            throw new InvalidInputException("the head has " + theta.length + " parameters: too many to factor its "
                    + "Hessian (at most " + 2 * EXACT_LIMIT + "); use conjugate gradients");
        }
        InverseHessian inverse = switch (chosen) {
            case EXACT -> InverseHessian.exact(risk, theta, damping, progress);
            case LISSA -> InverseHessian.lissa(risk, theta, damping, lissa.scale() > 0 ? lissa.scale()
                    : 2 * (risk.largestCurvature(theta, POWER_STEPS) + damping), lissa.depth(), lissa.batch(),
                    lissa.repeats(), lissa.seed());
            default -> InverseHessian.conjugateGradient(risk, theta, damping, 1e-8, 10 * theta.length);
        };
        double[] v = test.gradients(theta, new int[] {0})[0];
        double[] x = inverse.solve(v);
        double[] hx = risk.hessianTimes(theta, x);
        double squared = 0;
        double norm = 0;
        for (int j = 0; j < v.length; j++) {
            double r = hx[j] + damping * x[j] - v[j];
            squared += r * r;
            norm += v[j] * v[j];
        }
        double residual = norm == 0 ? 0 : Math.sqrt(squared / norm);
        if (!Double.isFinite(residual)) {
            throw new InvalidInputException("LiSSA diverged: give a larger scale, above the largest eigenvalue of the "
                    + "mini-batch Hessians");
        }
        return new Inverse(inverse, new InfluenceEstimate(chosen, residual));
    }

    /** Per row, the Pearson correlation of {@code predicted} with {@code actual}. */
    private static double[] correlations(double[][] predicted, double[][] actual) {
        double[] out = new double[predicted.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = Correlation.pearson(predicted[t], actual[t]);
        }
        return out;
    }

    /** Per row, the least-squares slope through 0 of {@code actual} on {@code predicted}. */
    private static double[] slopes(double[][] predicted, double[][] actual) {
        double[] out = new double[predicted.length];
        for (int t = 0; t < out.length; t++) {
            double squares = 0;
            double products = 0;
            for (int i = 0; i < predicted[t].length; i++) {
                squares += predicted[t][i] * predicted[t][i];
                products += predicted[t][i] * actual[t][i];
            }
            out[t] = products / squares;
        }
        return out;
    }

    private float[][] activations(LayeredModel model, float[][] inputs) {
        return model.activations(inputs, layer);
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Vectors.toDouble(rows[i]);
        }
        return out;
    }

    private static double[] pick(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }
}
