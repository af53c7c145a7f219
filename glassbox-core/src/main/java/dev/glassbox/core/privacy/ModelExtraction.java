package dev.glassbox.core.privacy;

import java.util.SplittableRandom;

/**
 * Model extraction from explanations (Milli, Schmidt, Dragan and Hardt 2019): an attacker who knows the architecture
 * queries a target two-layer ReLU network at inputs of its choosing (standard normal draws), receives its answers —
 * the predicted class ({@link Answers#LABELS}) or all scores ({@link Answers#SCORES}) — and in the second setting
 * the gradient explanation of the predicted class ∇ₓ z_c as well, and fits a copy by Adam on mini-batches of the
 * answers: the cross-entropy of the labels or the squared error of the scores (averaged over outputs) plus, with
 * gradients, the squared error of the gradients (averaged over inputs). Success is the share of held-out inputs, drawn apart from the queries, on which
 * copy and target predict the same class. A defence adds Gaussian noise to the released gradients, of standard
 * deviation {@code noise} · ‖g‖ / √d per entry; its cost to honest users is the released gradients' mean cosine
 * similarity to the true ones.
 *
 * @param answers what a prediction query returns
 * @param hidden the copy's hidden units (the attacker's guess of the architecture)
 * @param iterations Adam steps
 * @param batchSize queries per step (all of them when fewer)
 * @param learningRate Adam's step size
 * @param seed the seed of the queries, the copy's initial weights, the mini-batches and the defence's noise
 * @param restarts copies fitted from different initial weights; the attacker keeps the one whose loss on its own
 *     queries is lowest (it needs nothing it does not hold)
 */
public record ModelExtraction(Answers answers, int hidden, int iterations, int batchSize, double learningRate, long seed,
        int restarts) {

    public ModelExtraction {
        java.util.Objects.requireNonNull(answers, "answers");
        if (hidden < 1 || iterations < 1 || batchSize < 1 || !(learningRate > 0) || restarts < 1) {
            throw new IllegalArgumentException("extraction needs ≥ 1 hidden unit, iteration, batch size and restart "
                    + "and a positive learning rate; got " + hidden + ", " + iterations + ", " + batchSize + ", "
                    + restarts + ", " + learningRate);
        }
    }

    /** One fit per attack, from the copy's first initial weights. */
    public ModelExtraction(Answers answers, int hidden, int iterations, int batchSize, double learningRate, long seed) {
        this(answers, hidden, iterations, batchSize, learningRate, seed, 1);
    }

    /** What a prediction query returns. */
    public enum Answers {
        /** The predicted class only. */
        LABELS,
        /** Every output's score (logit). */
        SCORES
    }

    /** What an attack achieved with {@code queries} queries. */
    public record Result(int queries, boolean gradients, double noise, double agreement, double explanationCosine) {
    }

    /** Standard normal inputs, one row per input, drawn from {@code seed}. */
    public static double[][] gaussianInputs(int count, int dimensions, long seed) {
        return TwoLayerNet.gaussian(count, dimensions, 1, new SplittableRandom(seed));
    }

    /**
     * The share of {@code inputs} on which the copy predicts the target's class; where the target's largest logits tie
     * (to 1e-12, as where every hidden unit is off and a bias-free target's logits are all 0), any of the tied classes
     * is the target's answer.
     */
    public static double agreement(TwoLayerNet target, TwoLayerNet copy, double[][] inputs) {
        int same = 0;
        for (double[] x : inputs) {
            double[] z = target.logits(x);
            double top = z[dev.glassbox.core.math.Vectors.argmax(z)];
            same += z[copy.predict(x)] >= top - 1e-12 * (1 + Math.abs(top)) ? 1 : 0;
        }
        return same / (double) inputs.length;
    }

    /**
     * Queries {@code target} {@code queries} times (with its gradient explanations when {@code gradients}, noised by
     * {@code noise}), fits a copy, and measures agreement on {@code heldOut}.
     */
    public Result attack(TwoLayerNet target, int queries, boolean gradients, double noise, double[][] heldOut) {
        if (queries < 1 || !(noise >= 0)) {
            throw new IllegalArgumentException("need ≥ 1 query and noise ≥ 0, got " + queries + " and " + noise);
        }
        int d = target.inputs();
        double[][] x = gaussianInputs(queries, d, seed);
        double[][] scores = new double[queries][];
        int[] classes = new int[queries];
        double[][] released = gradients ? new double[queries][] : null;
        SplittableRandom noiseSource = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double cosine = 0;
        for (int q = 0; q < queries; q++) {
            scores[q] = target.logits(x[q]);
            classes[q] = dev.glassbox.core.math.Vectors.argmax(scores[q]);
            if (gradients) {
                double[] g = target.inputGradient(x[q], classes[q]);
                released[q] = noisy(g, noise, noiseSource);
                cosine += cosine(g, released[q]);
            }
        }
        TwoLayerNet copy = fit(x, scores, classes, released, d, target.outputs());
        return new Result(queries, gradients, gradients ? noise : Double.NaN, agreement(copy, target, heldOut),
                gradients ? cosine / queries : Double.NaN);
    }

    /**
     * The copy fitted to the answers (released may be null: scores only): of {@link #restarts} fits, the one with the
     * lowest loss on the queries.
     */
    public TwoLayerNet fit(double[][] x, double[][] scores, int[] classes, double[][] released, int inputs,
            int outputs) {
        TwoLayerNet best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            TwoLayerNet copy = fitOnce(x, scores, classes, released, inputs, outputs, seed + 1 + 2L * r);
            double loss = accumulate(copy, copy.zerosLike(), x, scores, classes, released, inputs, outputs, null);
            if (loss < bestLoss) {
                best = copy;
                bestLoss = loss;
            }
        }
        return best;
    }

    private TwoLayerNet fitOnce(double[][] x, double[][] scores, int[] classes, double[][] released, int inputs,
            int outputs, long start) {
        TwoLayerNet copy = TwoLayerNet.random(inputs, hidden, outputs, start);
        SplittableRandom batches = new SplittableRandom(start + 1);
        double[] theta = copy.flat();
        double[] m = new double[theta.length];
        double[] v = new double[theta.length];
        for (int t = 1; t <= iterations; t++) {
            TwoLayerNet grad = copy.zerosLike();
            accumulate(copy, grad, x, scores, classes, released, inputs, outputs, batches);
            double[] g = grad.flat();
            double lr = learningRate * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int i = 0; i < theta.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                theta[i] -= lr * m[i] / (Math.sqrt(v[i]) + 1e-8);
            }
            copy.set(theta);
        }
        return copy;
    }

    /**
     * The loss of {@code copy} on a mini-batch of the queries drawn from {@code batches} (every query, in order, when
     * the batch covers them or {@code batches} is null), its gradient added to {@code grad}.
     */
    private double accumulate(TwoLayerNet copy, TwoLayerNet grad, double[][] x, double[][] scores, int[] classes,
            double[][] released, int inputs, int outputs, SplittableRandom batches) {
        int n = x.length;
        int b = batches == null ? n : Math.min(batchSize, n);
        double loss = 0;
        for (int s = 0; s < b; s++) {
            int q = b == n ? s : batches.nextInt(n);
            loss += copy.accumulate(grad, x[q], answers == Answers.LABELS ? null : scores[q],
                    answers == Answers.LABELS ? 1.0 / b : 1.0 / (outputs * b), classes[q],
                    released == null ? null : released[q], 1.0 / (inputs * b));
        }
        return loss;
    }

    /**
     * The defence: {@code g} with Gaussian noise of standard deviation {@code noise} · ‖g‖ / √d added to each of its d
     * entries ({@code g} itself, copied, when {@code noise} is 0).
     */
    public static double[] noisy(double[] g, double noise, SplittableRandom random) {
        if (noise == 0) {
            return g.clone();
        }
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        double scale = noise * Math.sqrt(norm / g.length);
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i] + scale * TwoLayerNet.normal(random);
        }
        return out;
    }

    /** The cosine similarity of two vectors (0 when either is zero). */
    public static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }
}
