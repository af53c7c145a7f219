package dev.glassbox.core.inspect;

import java.util.List;

/**
 * TracIn (Pruthi et al. 2020, TracInCP): the influence of training example {@code z} on test example {@code z'} as the
 * loss reductions it caused along training, estimated from saved checkpoints:
 * {@code Σ_c η_c ∇L(θ_c, z) · ∇L(θ_c, z')}, with η_c the learning rate in force at checkpoint c. Positive for
 * proponents; {@code z = z'} gives self-influence.
 */
public final class TracIn {

    /**
     * One saved checkpoint.
     *
     * @param train the training examples' losses as functions of the checkpoint's parameters
     * @param test the test examples' losses, as functions of the same parameters
     * @param theta the checkpoint's parameters
     * @param learningRate the learning rate in force there
     */
    public record Checkpoint(ExampleLosses train, ExampleLosses test, double[] theta, double learningRate) {
    }

    private TracIn() {
    }

    /** Row {@code t}, column {@code i}: the TracIn score of training example {@code i} on {@code testExamples[t]}. */
    public static double[][] scores(List<Checkpoint> checkpoints, int[] testExamples) {
        double[][] out = null;
        for (Checkpoint c : checkpoints) {
            double[][] train = c.train().gradients(c.theta(), c.train().all());
            double[][] test = c.test().gradients(c.theta(), testExamples);
            if (out == null) {
                out = new double[testExamples.length][train.length];
            }
            for (int t = 0; t < test.length; t++) {
                for (int i = 0; i < train.length; i++) {
                    out[t][i] += c.learningRate() * RegularisedRisk.dot(train[i], test[t]);
                }
            }
        }
        return out;
    }

    /** Each training example's self-influence {@code Σ_c η_c ‖∇L(θ_c, z)‖²}. */
    public static double[] selfInfluence(List<Checkpoint> checkpoints) {
        double[] out = null;
        for (Checkpoint c : checkpoints) {
            double[][] train = c.train().gradients(c.theta(), c.train().all());
            if (out == null) {
                out = new double[train.length];
            }
            for (int i = 0; i < train.length; i++) {
                out[i] += c.learningRate() * RegularisedRisk.dot(train[i], train[i]);
            }
        }
        return out;
    }
}
