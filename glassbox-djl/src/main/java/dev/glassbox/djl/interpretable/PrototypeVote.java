package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A prototype network's prediction for one input as the vote it is: attention weights {@code a_j} on the
 * prototypes (non-negative, summing to 1), the prototypes' answers {@code v_j} (one score per class), and the scores
 * {@code s = Σ_j a_j v_j} the network output. Removing prototype j renormalises the others' weights, so the scores
 * without it are {@code (s − a_j v_j) / (1 − a_j)}.
 *
 * @param weights the attention weight of each prototype
 * @param answers {@code answers[c][j]}: prototype j's score for class c
 * @param scores the network's scores for this input
 */
public record PrototypeVote(float[] weights, float[][] answers, float[] scores) {
    public PrototypeVote {
        for (float[] row : answers) {
            if (row.length != weights.length) {
                throw new InvalidInputException("each class needs one answer per prototype (" + weights.length
                        + "), got " + row.length);
            }
        }
        if (answers.length != scores.length) {
            throw new InvalidInputException(answers.length + " classes of answers but " + scores.length + " scores");
        }
    }

    /** The predicted class. */
    public int predicted() {
        return Vectors.argmax(scores);
    }

    /** Prototype j's share of class c's score, {@code a_j v_jc}. */
    public double contribution(int prototype, int c) {
        return weights[prototype] * (double) answers[c][prototype];
    }

    /** The weighted vote {@code Σ_j a_j v_jc} for class c, recomputed from the weights and answers. */
    public double vote(int c) {
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            sum += contribution(j, c);
        }
        return sum;
    }

    /** The largest difference between the network's scores and the recomputed weighted vote. */
    public double voteError() {
        double worst = 0;
        for (int c = 0; c < scores.length; c++) {
            worst = Math.max(worst, Math.abs(vote(c) - scores[c]));
        }
        return worst;
    }

    /** The {@code k} prototypes with the largest weights, largest first (ties: the lower index first). */
    public int[] top(int k) {
        return IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -weights[j]).thenComparingInt(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Class c's score once prototype j is removed and the other weights renormalised. */
    public double scoreWithout(int prototype, int c) {
        double a = weights[prototype];
        if (a >= 1) {
            throw new InvalidInputException("prototype " + prototype + " holds all the weight: without it no vote is left");
        }
        return (scores[c] - contribution(prototype, c)) / (1 - a);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrototypeVote v && Arrays.equals(weights, v.weights) && Arrays.deepEquals(answers, v.answers)
                && Arrays.equals(scores, v.scores);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.deepHashCode(answers)) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "PrototypeVote" + Arrays.toString(weights) + " → " + Arrays.toString(scores);
    }
}
