package dev.glassbox.core.inspect;

import dev.glassbox.core.Progress;
import java.util.Arrays;

/**
 * Influence functions (Koh &amp; Liang 2017): how a test example's loss would change if one training example were
 * removed and the model retrained, without retraining. At the minimiser θ̂ of the risk {@code R}, up-weighting
 * training example {@code z} by ε moves the parameters by {@code −ε H⁻¹ ∇L(z)}, {@code H = ∇²R(θ̂)} (damped);
 * removing it is ε = −1/n, so the test loss changes by about
 * {@code Δ(z, z_test) = (1/n) ∇L(z_test)ᵀ H⁻¹ ∇L(z)} — positive for a <em>proponent</em> (a training example whose
 * removal would raise the test loss: it supports the prediction), negative for an <em>opponent</em>. Self-influence
 * {@code ∇L(z)ᵀ H⁻¹ ∇L(z)} is large for examples the model can fit only by bending to them: mislabelled ones.
 */
public final class InfluenceFunctions {
    /** Training examples whose self-influence is solved together. */
    private static final int BLOCK = 32;

    private final RegularisedRisk risk;
    private final double[] theta;
    private final InverseHessian inverse;
    private double[][] trainGradients;

    /** Influence functions of {@code risk} at its minimiser {@code theta}, inverting the Hessian with {@code inverse}. */
    public InfluenceFunctions(RegularisedRisk risk, double[] theta, InverseHessian inverse) {
        this.risk = risk;
        this.theta = theta.clone();
        this.inverse = inverse;
    }

    /**
     * The predicted change of each listed test example's loss when each training example is removed: row {@code t},
     * column {@code i} for test example {@code testExamples[t]} and training example {@code i}.
     */
    public double[][] removalEffects(ExampleLosses test, int[] testExamples, Progress progress) {
        double[][] testGradients = test.gradients(theta, testExamples);
        double[][] train = trainGradients();
        int n = risk.count();
        double[][] out = new double[testExamples.length][n];
        for (int t = 0; t < testExamples.length; t++) {
            double[] s = inverse.solve(testGradients[t]);
            for (int i = 0; i < n; i++) {
                out[t][i] = RegularisedRisk.dot(train[i], s) / n;
            }
            progress.update("influence", t + 1, testExamples.length);
        }
        return out;
    }

    /**
     * Each training example's self-influence {@code ∇L(z)ᵀ H⁻¹ ∇L(z)}, solved {@value #BLOCK} examples at a time (LiSSA
     * shares its work among a block).
     */
    public double[] selfInfluence(Progress progress) {
        double[][] train = trainGradients();
        double[] out = new double[train.length];
        for (int from = 0; from < train.length; from += BLOCK) {
            int to = Math.min(train.length, from + BLOCK);
            double[][] solved = inverse.solveAll(Arrays.copyOfRange(train, from, to));
            for (int i = from; i < to; i++) {
                out[i] = RegularisedRisk.dot(train[i], solved[i - from]);
            }
            progress.update("self-influence", to, train.length);
        }
        return out;
    }

    private double[][] trainGradients() {
        if (trainGradients == null) {
            ExampleLosses losses = risk.losses();
            trainGradients = losses.gradients(theta, losses.all());
        }
        return trainGradients;
    }
}
