package dev.glassbox.core.inspect;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
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

    /** The smallest step gradient descent halves to, relative to the first. */
    private static final double MIN_STEP = 1e-6;

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

    /**
     * Checkpoints of full-batch gradient descent on {@code risk} from {@code start}: {@code steps} steps of at most
     * {@code step} (halved, and the step retried, whenever the risk would rise), a checkpoint before every
     * {@code every}-th step, each with the step in force there. The training examples are {@code risk}'s; the test
     * examples' losses are {@code test}.
     */
    public static List<Checkpoint> gradientDescent(RegularisedRisk risk, ExampleLosses test, double[] start,
            double step, int steps, int every) {
        if (!(step > 0) || Double.isInfinite(step) || steps < 1 || every < 1) {
            throw new InvalidInputException("gradient descent needs a positive finite step, at least one step and a "
                    + "checkpoint interval of at least 1; got " + step + ", " + steps + ", " + every);
        }
        double[] theta = start.clone();
        double eta = step;
        double value = risk.value(theta);
        List<Checkpoint> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            double[] g = risk.gradient(theta);
            double[] next = new double[theta.length];
            double nextValue;
            while (true) {
                for (int j = 0; j < theta.length; j++) {
                    next[j] = theta[j] - eta * g[j];
                }
                nextValue = risk.value(next);
                if (nextValue <= value || eta < MIN_STEP * step) {
                    break;
                }
                eta /= 2;
            }
            if (s % every == 0) {
                out.add(new Checkpoint(risk.losses(), test, theta.clone(), eta));
            }
            theta = next;
            value = nextValue;
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
