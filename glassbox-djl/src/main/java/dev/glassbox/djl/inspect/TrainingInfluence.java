package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.inspect.ExampleLosses;
import dev.glassbox.core.inspect.InfluenceFunctions;
import dev.glassbox.core.inspect.InfluenceRanking;
import dev.glassbox.core.inspect.InverseHessian;
import dev.glassbox.core.inspect.RegularisedRisk;
import dev.glassbox.core.inspect.SoftmaxLosses;
import dev.glassbox.core.inspect.TruncatedNewton;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.LayeredModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which training examples made a layered model's predictions, by influence functions on its last layers (Koh &amp;
 * Liang 2017): the training inputs' activations at a layer are the features of a head whose weights are fitted to
 * convergence of an L2-regularised cross-entropy (warm-started at the model's own weights where it has a head glassbox
 * can run, {@link Head#MODEL}; otherwise a softmax regression, {@link Head#SURROGATE}, which needs only the layer's
 * activations and so works on TorchScript split models too). For each test input, the loss of its predicted class is
 * the quantity explained: its proponents are the training examples whose removal would raise it most, its opponents
 * those whose removal would lower it most. Self-influence ranks the training examples the head bends to most —
 * candidates for mislabelling. Deterministic: no random draws.
 */
public final class TrainingInfluence {

    /** Which weights the influence is taken over. */
    public enum Head {
        /** A softmax regression over the layer's activations, fitted in double precision (any layered model). */
        SURROGATE,
        /** The model's own linear layers after the layer, refitted from their trained weights (DJL block models). */
        MODEL
    }

    /** How {@code (H + δI)⁻¹ v} is computed. */
    public enum Solver {
        /** {@link #EXACT} up to {@value TrainingInfluence#EXACT_LIMIT} parameters, {@link #CG} above. */
        AUTO,
        /** The Hessian assembled from one Hessian–vector product per parameter and factored (few parameters). */
        EXACT,
        /** Conjugate gradients over Hessian–vector products (double backward on the engine for {@link Head#MODEL}). */
        CG
    }

    /**
     * One prediction's proponents and opponents, each with the predicted change of the prediction's loss if that
     * training example were removed (positive for proponents).
     */
    public record Prediction(int predicted, double loss, int[] proponents, double[] proponentEffects, int[] opponents,
            double[] opponentEffects) {
    }

    /**
     * The analysis: its settings, how well the head was fitted (largest gradient component of the risk at the end;
     * the mean probability the fitted head gives the model's predicted classes of the test inputs), each test input's prediction, and every
     * training example's self-influence with the indices of the largest first.
     */
    public record Result(String layer, Head head, Solver solver, double l2, double damping, int trainCount,
            int parameterCount, double fitGradient, double agreement, List<Prediction> predictions,
            double[] selfInfluence, int[] mostSelfInfluential) {
    }

    /** The most parameters whose Hessian is assembled and factored (a 2,500² matrix: 50 MB). */
    static final int EXACT_LIMIT = 2500;

    private final String layer;
    private final Head head;
    private final Solver solver;
    private final double l2;
    private final double damping;
    private final int top;

    private TrainingInfluence(Builder b) {
        this.layer = b.layer;
        this.head = b.head;
        this.solver = b.solver;
        this.l2 = b.l2;
        this.damping = b.damping;
        this.top = b.top;
    }

    /** A builder for the analysis at {@code layer}. */
    public static Builder at(String layer) {
        return new Builder(layer);
    }

    /** Settings of the analysis. */
    public static final class Builder {
        private final String layer;
        private Head head = Head.SURROGATE;
        private Solver solver = Solver.AUTO;
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
        TruncatedNewton.Result fit = new TruncatedNewton(1e-9, 200).minimize(risk, start);
        double[] theta = fit.theta();
        Solver chosen = solver != Solver.AUTO ? solver : theta.length <= EXACT_LIMIT ? Solver.EXACT : Solver.CG;
        if (chosen == Solver.EXACT && theta.length > 2 * EXACT_LIMIT) {
            throw new InvalidInputException("the head has " + theta.length + " parameters: too many to factor its "
                    + "Hessian (at most " + 2 * EXACT_LIMIT + "); use conjugate gradients");
        }
        InverseHessian inverse = chosen == Solver.EXACT ? InverseHessian.exact(risk, theta, damping, progress)
                : InverseHessian.conjugateGradient(risk, theta, damping, 1e-8, 10 * theta.length);
        InfluenceFunctions influence = new InfluenceFunctions(risk, theta, inverse);
        int[] all = test.all();
        double[][] effects = influence.removalEffects(test, all, progress);
        double[] testLosses = test.losses(theta);
        double agreement = Arrays.stream(testLosses).map(l -> Math.exp(-l)).average().orElseThrow();
        List<Prediction> predictions = new ArrayList<>();
        for (int t = 0; t < all.length; t++) {
            InfluenceRanking ranking = InfluenceRanking.of(effects[t], top);
            predictions.add(new Prediction(predicted[t], testLosses[t], ranking.proponents(),
                    pick(effects[t], ranking.proponents()), ranking.opponents(), pick(effects[t], ranking.opponents())));
        }
        double[] self = influence.selfInfluence(progress);
        int[] most = InfluenceRanking.of(self, top).proponents();
        return new Result(layer, head, chosen, l2, damping, train.size(), theta.length, fit.gradientNorm(),
                agreement, predictions, self, most);
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
